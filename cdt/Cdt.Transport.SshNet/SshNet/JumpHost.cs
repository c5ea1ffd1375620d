using System.Globalization;
using Renci.SshNet;

namespace Cdt.Transport.SshNet;

/// <summary>
/// The jump host (<c>[user@]host[:port]</c>): one SSH.NET connection for the run, and per gateway a
/// local port forwarded through it (a direct-tcpip channel per connection), which the gateway's own
/// connection dials. Host keys of the jump host and of every gateway are checked alike.
/// </summary>
public sealed class JumpHost : IDisposable
{
    private readonly Connector _connector;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<string, ForwardedPortLocal> _forwards = new(StringComparer.Ordinal);
    private SshClient? _client;

    public JumpHost(string spec, Connector connector)
    {
        _connector = connector;
        var at = spec.IndexOf('@', StringComparison.Ordinal);
        User = at < 0 ? connector.DefaultUser : spec[..at];
        var rest = spec[(at + 1)..];
        string portText;
        if (rest.StartsWith('['))
        {
            var close = rest.IndexOf(']', StringComparison.Ordinal);
            Host = rest[1..close];
            portText = rest[(close + 1)..].TrimStart(':');
        }
        else
        {
            var colon = rest.IndexOf(':', StringComparison.Ordinal);
            Host = colon < 0 ? rest : rest[..colon];
            portText = colon < 0 ? string.Empty : rest[(colon + 1)..];
        }

        Port = portText.Length > 0 ? int.Parse(portText, CultureInfo.InvariantCulture) : 22;
    }

    public string Host { get; }

    public int Port { get; }

    public string User { get; }

    /// <summary>The local port that reaches <paramref name="host"/>:<paramref name="port"/> through the jump host, or why there is none.</summary>
    public async Task<(int Port, CommandResult? Failure)> ForwardAsync(string host, int port, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            if (_client is not { IsConnected: true })
            {
                DropClient();
                var (client, failure) = await _connector.ConnectAsync(Host, Port, User, dial: null, isJump: true, ct);
                if (client is null)
                {
                    return (0, failure);
                }

                _client = client;
            }

            var key = host + " " + port.ToString(CultureInfo.InvariantCulture);
            if (!_forwards.TryGetValue(key, out var forward) || !forward.IsStarted)
            {
                forward = new ForwardedPortLocal("127.0.0.1", 0, host, (uint)port);
                _client.AddForwardedPort(forward);
                forward.Start();
                _forwards[key] = forward;
            }

            return ((int)forward.BoundPort, null);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose()
    {
        DropClient();
        _gate.Dispose();
    }

    private void DropClient()
    {
        foreach (var forward in _forwards.Values)
        {
            forward.Dispose();
        }

        _forwards.Clear();
        _client?.Dispose();
        _client = null;
    }
}
