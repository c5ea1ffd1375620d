using System.Collections.Concurrent;
using System.Security.Cryptography;
using Cdt.Config;
using Cdt.Fleet;
using Cdt.Formats;
using Cdt.Gaia;
using Cdt.Storage;

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
    private readonly RemoteFileCopy _copies;

    /// <param name="notice">Where to say which host keys accept-new recorded (stderr in the CLI).</param>
    public SshNetShell(SshSettings settings, TimeProvider time, IFileStore files, Action<string> notice)
    {
        _copies = new RemoteFileCopy(files);
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

    public Task<CommandResult> SendFileAsync(Target target, string localPath, string remotePath, TimeSpan timeout, CancellationToken ct) =>
        _copies.SendAsync(target, localPath, remotePath, (command, stdin, sink) => ExecuteAsync(target, command, timeout, stdin, sink, ct));

    public Task<CommandResult> FetchFileAsync(Target target, string remotePath, string localPath, TimeSpan timeout, CancellationToken ct) =>
        _copies.FetchAsync(target, remotePath, localPath, (command, stdin, sink) => ExecuteAsync(target, command, timeout, stdin, sink, ct));

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
}
