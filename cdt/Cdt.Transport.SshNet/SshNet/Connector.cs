using System.Globalization;
using System.Net.Sockets;
using Cdt.Config;
using Renci.SshNet;
using Renci.SshNet.Common;

namespace Cdt.Transport.SshNet;

/// <summary>
/// Opens one authenticated SSH.NET connection with the run's settings: its host key checked
/// against known_hosts first, keys only, keep-alives on. Every failure comes back as a classified
/// value worded as OpenSSH words it, so reports read the same whichever transport ran.
/// </summary>
public sealed class Connector
{
    /// <summary>Keep-alive every 15 s, as the OpenSSH transport does.</summary>
    public static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(15);

    private readonly SshSettings _settings;
    private readonly KnownHostsFile _knownHosts;
    private readonly Lazy<ClientKeys> _keys;
    private readonly Action<string> _notice;

    public Connector(SshSettings settings, Action<string> notice)
    {
        _settings = settings;
        _notice = notice;
        _knownHosts = new KnownHostsFile(SshPaths.Expand(settings.KnownHosts ?? "~/.ssh/known_hosts"));
        _keys = new Lazy<ClientKeys>(() => ClientKeys.Load(settings.IdentityFile));
    }

    public SshSettings Settings => _settings;

    public string DefaultUser => _settings.User ?? Environment.UserName;

    /// <summary>
    /// Connects to <paramref name="host"/>:<paramref name="port"/>, dialling <paramref name="dial"/>
    /// instead when the hop goes through a forwarded port of the jump host. <paramref name="isJump"/>
    /// marks the jump host's own connection, whose network failures are reported as such.
    /// </summary>
    public async Task<(SshClient? Client, CommandResult? Failure)> ConnectAsync(string host, int port, string user, (string Host, int Port)? dial, bool isJump, CancellationToken ct)
    {
        var keys = _keys.Value;
        if (keys.Problem is { } problem)
        {
            return (null, CommandResult.Failed(TransportError.AuthenticationFailed, $"{user}@{host}: {problem}"));
        }

        var info = new ConnectionInfo(dial?.Host ?? host, dial?.Port ?? port, user, new PrivateKeyAuthenticationMethod(user, [.. keys.Keys]))
        {
            Timeout = _settings.ConnectTimeout,
        };
        var check = new HostKeyCheck(_knownHosts, _settings.HostKeyPolicy, host, port);
        check.Narrow(info);
        var client = new SshClient(info) { KeepAliveInterval = KeepAlive };
        client.HostKeyReceived += check.OnHostKey;

        // Authentication may follow a hop through the jump host and a slow key exchange: allow two connect time-outs.
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(_settings.ConnectTimeout * 2);
        try
        {
            await client.ConnectAsync(limit.Token);
            await RecordAsync(check, host);
            return (client, null);
        }
        catch (Exception e) when (!ct.IsCancellationRequested && e is SocketException or SshException or OperationCanceledException or TimeoutException or IOException or ProxyException)
        {
            client.Dispose();
            if (e is SshAuthenticationException)
            {
                await RecordAsync(check, host);
            }

            return (null, check.Refusal ?? Classify(e, host, port, user, dial is not null, isJump));
        }
    }

    private async Task RecordAsync(HostKeyCheck check, string host)
    {
        if (check.Pending)
        {
            await check.RecordAsync(CancellationToken.None);
            _notice($"cdt: recorded the new host key of {host} in {_knownHosts.Path} (host_key_policy: accept-new): {check.Recorded}");
        }
    }

    private static CommandResult Classify(Exception e, string host, int port, string user, bool throughJump, bool isJump)
    {
        var portText = port.ToString(CultureInfo.InvariantCulture);
        var network = isJump ? TransportError.JumpHostDown : TransportError.Unreachable;
        return e switch
        {
            SshAuthenticationException => CommandResult.Failed(TransportError.AuthenticationFailed, $"{user}@{host}: Permission denied (publickey)."),
            SocketException s => CommandResult.Failed(network, $"ssh: connect to host {host} port {portText}: {SocketText(s.SocketErrorCode, s.Message)}"),
            OperationCanceledException or SshOperationTimeoutException or TimeoutException =>
                CommandResult.Failed(network, $"ssh: connect to host {host} port {portText}: Connection timed out"),

            // Through the jump host, the forwarded channel closes at once when the gateway refuses the hop.
            _ when throughJump => CommandResult.Failed(TransportError.Unreachable, $"channel 0: open failed: the jump host could not connect to {host} port {portText} ({e.Message})"),
            _ => CommandResult.Failed(network, $"kex_exchange_identification: {host} port {portText}: {e.Message}"),
        };
    }

    private static string SocketText(SocketError error, string message) => error switch
    {
        SocketError.ConnectionRefused => "Connection refused",
        SocketError.TimedOut => "Connection timed out",
        SocketError.HostUnreachable => "No route to host",
        SocketError.NetworkUnreachable => "Network is unreachable",
        SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain => "Could not resolve hostname: Name or service not known",
        _ => message,
    };
}
