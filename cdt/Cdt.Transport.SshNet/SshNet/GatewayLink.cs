using Renci.SshNet;

namespace Cdt.Transport.SshNet;

/// <summary>
/// One gateway's SSH connection (one TCP connection, one channel per command): opened on first use,
/// and again only after it died (a reboot). The lock keeps concurrent first commands from opening two.
/// </summary>
public sealed class GatewayLink : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private SshClient? _client;

    public GatewayLink(Target target)
    {
        Target = target;
    }

    public Target Target { get; }

    /// <summary>How many times a connection was opened (1 in a run without reboots).</summary>
    public int Opened { get; private set; }

    /// <summary>The live client, opening one with <paramref name="open"/> if needed; or the failure to open one.</summary>
    public async Task<(SshClient? Client, CommandResult? Failure)> ClientAsync(Func<Task<(SshClient? Client, CommandResult? Failure)>> open, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            if (_client is { IsConnected: true } live)
            {
                return (live, null);
            }

            _client?.Dispose();
            _client = null;
            var (client, failure) = await open();
            if (client is not null)
            {
                _client = client;
                Opened++;
            }

            return (client, failure);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose()
    {
        _client?.Dispose();
        _gate.Dispose();
    }
}
