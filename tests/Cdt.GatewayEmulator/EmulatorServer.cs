using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Cdt.GatewayEmulator;

/// <summary>
/// The emulator process: listens on a loopback port (written to the state folder) for the
/// requests of <c>gateway-shell</c> and the stubs, one per connection, and serves them concurrently;
/// the fleet itself changes one request at a time.
/// </summary>
public static class EmulatorServer
{
    public static async Task RunAsync(EmulatorState state, CancellationToken ct)
    {
        using var fleet = await FleetHost.LoadAsync(state, ct);
        var handler = new RequestHandler(fleet);
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start(backlog: 1024);
        try
        {
            var port = ((IPEndPoint)listener.LocalEndpoint).Port.ToString(CultureInfo.InvariantCulture);
            await File.WriteAllTextAsync(state.PortPath + ".tmp", port, ct);
            File.Move(state.PortPath + ".tmp", state.PortPath, overwrite: true);
            while (!ct.IsCancellationRequested)
            {
                var client = await listener.AcceptTcpClientAsync(ct);
                _ = ServeAsync(client, handler, state, ct);
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped: keep what the fleet became.
        }
        finally
        {
            listener.Stop();
            await fleet.SaveAsync(CancellationToken.None);
        }
    }

    private static async Task ServeAsync(TcpClient client, RequestHandler handler, EmulatorState state, CancellationToken ct)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var words = await new NulReader(stream).ReadRequestAsync(ct);
                var answer = words is null ? "2" : await handler.HandleAsync([.. words], ct);
                await stream.WriteAsync(Encoding.UTF8.GetBytes(answer + "\n"), ct);
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException)
            {
                // The asking side went away (its SSH client gave up): nobody to answer.
            }
            catch (Exception e)
            {
                await File.AppendAllTextAsync(state.LogPath, DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture) + " " + e + "\n", CancellationToken.None);
            }
        }
    }
}
