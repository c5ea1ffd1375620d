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
using Cdt.Storage;

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
    private readonly RemoteFileCopy _copies;
    private int _next;

    public OpenSshShell(SshSettings settings, TimeProvider time, IFileStore files)
    {
        _copies = new RemoteFileCopy(files);
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

    public Task<CommandResult> SendFileAsync(Target target, string localPath, string remotePath, TimeSpan timeout, CancellationToken ct) =>
        _copies.SendAsync(target, localPath, remotePath, (command, stdin, sink) => ExecuteAsync(target, command, timeout, stdin, sink, ct));

    public Task<CommandResult> FetchFileAsync(Target target, string remotePath, string localPath, TimeSpan timeout, CancellationToken ct) =>
        _copies.FetchAsync(target, remotePath, localPath, (command, stdin, sink) => ExecuteAsync(target, command, timeout, stdin, sink, ct));

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
}
