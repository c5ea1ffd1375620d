using System.Buffers;

namespace Cdt.Transport.SshNet;

/// <summary>Drains one output stream of a command: kept up to a cap, or written uncapped to a sink (file fetches).</summary>
public sealed class OutputCapture(int max, Stream? sink)
{
    private readonly ArrayBufferWriter<byte> _kept = new();

    public bool Dropped { get; private set; }

    public async Task DrainAsync(Stream source, CancellationToken ct)
    {
        var buffer = new byte[64 * 1024];
        int n;
        while ((n = await source.ReadAsync(buffer, ct)) > 0)
        {
            if (sink is not null)
            {
                await sink.WriteAsync(buffer.AsMemory(0, n), ct);
                continue;
            }

            var room = max - _kept.WrittenCount;
            if (room > 0)
            {
                _kept.Write(buffer.AsSpan(0, Math.Min(room, n)));
            }

            Dropped |= n > room;
        }
    }

    public string Text() => System.Text.Encoding.UTF8.GetString(_kept.WrittenSpan);
}
