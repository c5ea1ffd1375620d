using System.Net.Sockets;
using System.Text;

namespace Cdt.GatewayEmulator;

/// <summary>Asks a running emulator one thing, as the shell scripts do (a snapshot of its state, for tests and benchmarks).</summary>
public static class EmulatorClient
{
    public static async Task<string> AskAsync(EmulatorState state, CancellationToken ct, params string[] words)
    {
        var port = int.Parse(await File.ReadAllTextAsync(state.PortPath, ct), System.Globalization.CultureInfo.InvariantCulture);
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", port, ct);
        var stream = client.GetStream();
        var request = new StringBuilder();
        foreach (var field in words.Prepend(words.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)))
        {
            request.Append(field).Append('\0');
        }

        await stream.WriteAsync(Encoding.UTF8.GetBytes(request.ToString()), ct);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return await reader.ReadLineAsync(ct) ?? string.Empty;
    }
}
