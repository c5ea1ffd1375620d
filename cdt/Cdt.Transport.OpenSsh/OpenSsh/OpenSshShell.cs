using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Cdt.Config;
using Cdt.Diagnostics;
using Cdt.Formats;
using Cdt.Yaml;
using Cdt.Fleet;
using Cdt.Gaia;

namespace Cdt.Transport.OpenSsh;

/// <summary>
/// The remote shell over the system OpenSSH client, run as a child process (as Ansible does): it
/// brings agents, ProxyJump, known_hosts and connection sharing. Each gateway gets one shared TCP
/// connection for the whole run (ControlMaster), closed in <see cref="DisposeAsync"/>. Failures
/// are values: exit code 255 is classified from ssh's own message into a <see cref="TransportError"/>.
/// </summary>
public sealed class OpenSshShell : IRemoteShell
{
    public const string Program = "ssh";

    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(10);
    private readonly OpenSshOptions _options;
    private readonly TimeProvider _time;
    private readonly PrivateFolder _folder;
    private readonly ConcurrentDictionary<string, SshConnection> _connections = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<Task<string>>> _localMd5 = new(StringComparer.Ordinal);
    private int _next;

    public OpenSshShell(SshSettings settings, TimeProvider time)
    {
        _time = time;
        _folder = PrivateFolder.Create("cdt-ssh-");
        var configPath = Path.Combine(_folder.Path, "ssh_config");
        _options = new OpenSshOptions(settings, configPath);
        File.WriteAllText(configPath, _options.ConfigFileText());
    }

    /// <summary>The private folder of the control sockets and the generated ssh_config (removed on dispose).</summary>
    public string ControlFolder => _folder.Path;

    /// <summary>Shared connections opened per gateway so far (a benchmark and the tests read it).</summary>
    public IReadOnlyDictionary<string, int> ConnectionsOpened => _connections.ToDictionary(c => c.Key, c => c.Value.Opened, StringComparer.Ordinal);

    public async Task<CommandResult> RunAsync(Target target, string command, TimeSpan timeout, CancellationToken ct) =>
        await ExecuteAsync(target, command, timeout, stdinFile: null, stdoutSink: null, ct);

    /// <summary>The copy's MD5 is read back in the same command as the copy (see <see cref="SendFileAsync"/>).</summary>
    public bool ChecksSentFiles => true;

    public async Task<CommandResult> SendFileAsync(Target target, string localPath, string remotePath, TimeSpan timeout, CancellationToken ct)
    {
        if (NeedsExpert(target, "copy a file to") is { } refused)
        {
            return refused;
        }

        if (!File.Exists(localPath))
        {
            return new CommandResult { ExitCode = 1, Stderr = $"local file not found: {localPath}" };
        }

        var result = await ExecuteAsync(target, RemoteFileCommands.Receive(remotePath), timeout, localPath, null, ct);
        if (!result.Succeeded)
        {
            return result;
        }

        var expected = await _localMd5.GetOrAdd(localPath, p => new Lazy<Task<string>>(() => Md5Async(p))).Value;
        var remote = SimpleParsers.Md5(result.Stdout);
        return remote.Value == expected
            ? result
            : result with { ExitCode = 1, Stderr = $"checksum mismatch after copying to {remotePath}: sent md5 {expected}, the gateway has {remote.Value ?? "none"} ({remote.Error ?? "the copy is damaged"})" };
    }

    public async Task<CommandResult> FetchFileAsync(Target target, string remotePath, string localPath, TimeSpan timeout, CancellationToken ct)
    {
        if (NeedsExpert(target, "fetch a file from") is { } refused)
        {
            return refused;
        }

        var full = Path.GetFullPath(localPath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temp = full + "." + Guid.NewGuid().ToString("N")[..8] + ".part";
        try
        {
            CommandResult result;
            await using (var sink = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, useAsync: true))
            {
                result = await ExecuteAsync(target, RemoteFileCommands.Send(remotePath), timeout, null, sink, ct);
            }

            if (result.Succeeded)
            {
                File.Move(temp, full, overwrite: true);
            }

            return result;
        }
        finally
        {
            File.Delete(temp);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Task.WhenAll(_connections.Values.Where(c => c.IsOpen).Select(CloseAsync));
        foreach (var c in _connections.Values)
        {
            c.Dispose();
        }

        _folder.Dispose();
    }

    private async Task CloseAsync(SshConnection c)
    {
        var request = new ChildProcess.Request { Program = Program, Arguments = _options.Exit(c.Target, c.ControlPath), Timeout = ExitTimeout };
        await ChildProcess.RunAsync(request, TimeProvider.System, CancellationToken.None);
    }

    private async Task<CommandResult> ExecuteAsync(Target target, string command, TimeSpan timeout, string? stdinFile, Stream? stdoutSink, CancellationToken ct)
    {
        if (!Names.IsIp(target.Host) && !Names.IsObjectName(target.Host))
        {
            return CommandResult.Failed(TransportError.Unreachable, $"'{RemoteValues.Printable(target.Host)}' is not a host name or IP address cdt connects to");
        }

        var connection = _connections.GetOrAdd(target.Name, _ => new SshConnection(target, Path.Combine(_folder.Path, "c" + Interlocked.Increment(ref _next).ToString(CultureInfo.InvariantCulture))));
        var failed = await connection.EnsureOpenAsync(() => OpenAsync(connection, ct), ct);
        if (failed is not null)
        {
            return failed;
        }

        var request = new ChildProcess.Request
        {
            Program = Program,
            Arguments = _options.Command(target, connection.ControlPath, command),
            Timeout = timeout,

            // A round trip is never given less than the connect time-out of wall-clock time, even
            // when the run's clock is scaled (tests, demos) and the command's time-out is short.
            MinimumWallTime = _options.Settings.ConnectTimeout,
            MaxOutput = _options.Settings.MaxOutput,
            StdinFile = stdinFile,
            StdoutSink = stdoutSink,
        };
        return await ToResultAsync(await ChildProcess.RunAsync(request, _time, ct), timeout, ct);
    }

    private async Task<CommandResult> OpenAsync(SshConnection c, CancellationToken ct)
    {
        // Authentication may need a hop through the jump host and a slow key exchange: allow a few connect time-outs.
        var timeout = _options.Settings.ConnectTimeout * (_options.Settings.JumpHost is null ? 2 : 4);
        var request = new ChildProcess.Request { Program = Program, Arguments = _options.Master(c.Target, c.ControlPath), Timeout = timeout, MaxOutput = _options.Settings.MaxOutput };
        return await ToResultAsync(await ChildProcess.RunAsync(request, TimeProvider.System, ct), timeout, ct);
    }

    private async Task<CommandResult> ToResultAsync(ChildProcessResult r, TimeSpan timeout, CancellationToken ct)
    {
        if (r.StartError is { } start)
        {
            return CommandResult.Failed(TransportError.Unreachable, start + " (is the OpenSSH client installed?)");
        }

        if (r.TimedOut)
        {
            return CommandResult.Failed(TransportError.Timeout, "no answer within " + DurationText.Format(timeout) + "; the command was stopped", r.Duration);
        }

        var stderr = r.Truncated ? r.Stderr + $"\n[cdt: output beyond {_options.Settings.MaxOutput.ToString(CultureInfo.InvariantCulture)} bytes was dropped]\n" : r.Stderr;
        if (r.ExitCode == 255)
        {
            var error = SshFailure.Classify(r.Stderr, _options.Settings.JumpHost);
            if (error == TransportError.JumpHostDown && SshFailure.JumpHostUnnamed(r.Stderr, _options.Settings.JumpHost!)
                && await JumpHostProbe.AnswersAsync(_options.Settings.JumpHost!, _options.Settings.ConnectTimeout, ct))
            {
                // ssh could not say which hop failed, and the jump host takes connections: the gateway did not.
                error = TransportError.Unreachable;
            }

            return CommandResult.Failed(error, SshFailure.Summarize(stderr, error, _options.Settings.JumpHost), r.Duration);
        }

        return new CommandResult { ExitCode = r.ExitCode, Stdout = Encoding.UTF8.GetString(r.Stdout), Stderr = stderr, Duration = r.Duration };
    }

    private static CommandResult? NeedsExpert(Target target, string what) => target.Shell == LoginShell.Clish
        ? new CommandResult { ExitCode = 1, Stderr = $"cannot {what} {target.Name}: its login shell is Clish; file copies need an Expert (bash) login shell (set 'shell: expert' in the inventory and give the user /bin/bash)" }
        : null;

    private static async Task<string> Md5Async(string path)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, useAsync: true);
        return Convert.ToHexStringLower(await MD5.HashDataAsync(stream));
    }
}
