using System.Collections.Concurrent;
using System.Security.Cryptography;
using Cdt.Config;
using Cdt.Fleet;
using Cdt.Formats;
using Cdt.Gaia;

namespace Cdt.Transport.SshNet;

/// <summary>
/// The remote shell over SSH.NET, inside the cdt process: one TCP connection per gateway for the
/// whole run (opened again only after it died, as after a reboot), each command on its own channel,
/// files over the same connection with their checksum read back in the same command. Failures are
/// values classified into a <see cref="TransportError"/>, never exceptions.
/// </summary>
public sealed class SshNetShell : IRemoteShell
{
    private readonly Connector _connector;
    private readonly CommandChannel _channel;
    private readonly JumpHost? _jump;
    private readonly ConcurrentDictionary<string, GatewayLink> _links = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<Task<string>>> _localMd5 = new(StringComparer.Ordinal);

    /// <param name="notice">Where to say which host keys accept-new recorded (stderr in the CLI).</param>
    public SshNetShell(SshSettings settings, TimeProvider time, Action<string> notice)
    {
        _connector = new Connector(settings, notice);

        // A round trip is never given less than the connect time-out of wall-clock time, even when
        // the run's clock is scaled (tests, demos) and the command's time-out is short.
        _channel = new CommandChannel(time, settings.ConnectTimeout, settings.MaxOutput);
        _jump = settings.JumpHost is { } spec ? new JumpHost(spec, _connector) : null;
    }

    /// <summary>Connections opened per gateway so far (a benchmark and the tests read it).</summary>
    public IReadOnlyDictionary<string, int> ConnectionsOpened => _links.ToDictionary(c => c.Key, c => c.Value.Opened, StringComparer.Ordinal);

    /// <summary>The copy's MD5 is read back in the same command as the copy (see <see cref="SendFileAsync"/>).</summary>
    public bool ChecksSentFiles => true;

    public Task<CommandResult> RunAsync(Target target, string command, TimeSpan timeout, CancellationToken ct) =>
        ExecuteAsync(target, command, timeout, stdinFile: null, stdoutSink: null, ct);

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

    public ValueTask DisposeAsync()
    {
        foreach (var link in _links.Values)
        {
            link.Dispose();
        }

        _jump?.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task<CommandResult> ExecuteAsync(Target target, string command, TimeSpan timeout, string? stdinFile, Stream? stdoutSink, CancellationToken ct)
    {
        if (!Names.IsIp(target.Host) && !Names.IsObjectName(target.Host))
        {
            return CommandResult.Failed(TransportError.Unreachable, $"'{RemoteValues.Printable(target.Host)}' is not a host name or IP address cdt connects to");
        }

        var link = _links.GetOrAdd(target.Name, _ => new GatewayLink(target));
        var (client, failure) = await link.ClientAsync(() => ConnectAsync(target, ct), ct);
        return client is null
            ? failure!
            : await _channel.RunAsync(client, target, command, timeout, stdinFile, stdoutSink, ct);
    }

    private async Task<(Renci.SshNet.SshClient? Client, CommandResult? Failure)> ConnectAsync(Target target, CancellationToken ct)
    {
        var port = target.Port ?? _connector.Settings.Port ?? 22;
        var user = target.User ?? _connector.DefaultUser;
        if (_jump is null)
        {
            return await _connector.ConnectAsync(target.Host, port, user, dial: null, isJump: false, ct);
        }

        var (local, failure) = await _jump.ForwardAsync(target.Host, port, ct);
        return failure is not null
            ? (null, failure)
            : await _connector.ConnectAsync(target.Host, port, user, dial: ("127.0.0.1", local), isJump: false, ct);
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
