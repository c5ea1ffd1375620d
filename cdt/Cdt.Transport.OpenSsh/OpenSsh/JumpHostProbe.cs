using System.Globalization;
using System.Net.Sockets;

namespace Cdt.Transport.OpenSsh;

/// <summary>
/// Whether the jump host takes TCP connections at all: asked only when ssh's message cannot tell
/// a dead jump host from a gateway that refused the hop behind it.
/// </summary>
public static class JumpHostProbe
{
    public static async Task<bool> AnswersAsync(string jumpHost, TimeSpan timeout, CancellationToken ct)
    {
        var host = SshFailure.JumpHostName(jumpHost);
        var afterHost = jumpHost[(jumpHost.IndexOf('@', StringComparison.Ordinal) + 1)..];
        var portText = afterHost.StartsWith('[') ? afterHost[(afterHost.IndexOf(']', StringComparison.Ordinal) + 1)..].TrimStart(':') : afterHost.Contains(':', StringComparison.Ordinal) ? afterHost[(afterHost.IndexOf(':', StringComparison.Ordinal) + 1)..] : string.Empty;
        var port = portText.Length > 0 ? int.Parse(portText, CultureInfo.InvariantCulture) : 22;
        using var client = new TcpClient();
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(timeout);
        try
        {
            await client.ConnectAsync(host, port, limit.Token);
            return true;
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            return false;
        }
    }
}
