using System.Net;
using System.Net.Sockets;

namespace Cdt.GatewayEmulator.Sshd;

/// <summary>
/// A private slice of 127.0.0.0/8 and a port for one fixture: any 127.x.y.z is a distinct address
/// without configuration, so each emulated gateway gets its own. Picked at random and checked free,
/// so fixtures (and test runs of several engineers on one machine) do not meet.
/// </summary>
public sealed class LoopbackNet
{
    private LoopbackNet(int second, int third, int port)
    {
        Prefix = $"127.{second}.{third}.";
        Port = port;
    }

    public string Prefix { get; }

    public int Port { get; }

    /// <summary>The n-th address (1 to 250 in the first /24, then the next ones).</summary>
    public string Address(int n) => n <= 250 ? Prefix + n : NextBlock(n);

    public static LoopbackNet Pick()
    {
        for (var attempt = 0; ; attempt++)
        {
            var net = new LoopbackNet(Random.Shared.Next(64, 250), Random.Shared.Next(0, 240), Random.Shared.Next(20000, 60000));
            if (IsFree(net.Address(1), net.Port) || attempt > 20)
            {
                return net;
            }
        }
    }

    private string NextBlock(int n)
    {
        var parts = Prefix.Split('.');
        var third = int.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture) + ((n - 1) / 250);
        return $"127.{parts[1]}.{third}.{((n - 1) % 250) + 1}";
    }

    private static bool IsFree(string address, int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Parse(address), port);
            listener.Start();
            listener.Stop();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
