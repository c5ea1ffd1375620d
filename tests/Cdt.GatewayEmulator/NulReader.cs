using System.Text;

namespace Cdt.GatewayEmulator;

/// <summary>Reads NUL-terminated words from a stream (how stubs write their argument lists).</summary>
public sealed class NulReader(Stream source)
{
    private readonly byte[] _buffer = new byte[8192];
    private int _start;
    private int _end;

    /// <summary>The next word, or null when the stream ended.</summary>
    public async Task<string?> ReadAsync(CancellationToken ct)
    {
        var word = new List<byte>();
        while (true)
        {
            if (_start == _end)
            {
                _end = await source.ReadAsync(_buffer, ct);
                _start = 0;
                if (_end == 0)
                {
                    return null;
                }
            }

            var nul = Array.IndexOf(_buffer, (byte)0, _start, _end - _start);
            if (nul >= 0)
            {
                word.AddRange(_buffer.AsSpan(_start, nul - _start));
                _start = nul + 1;
                return Encoding.UTF8.GetString([.. word]);
            }

            word.AddRange(_buffer.AsSpan(_start, _end - _start));
            _start = _end;
        }
    }

    /// <summary>A request: a count, then that many words. Null at the end of the stream or on a count of 0.</summary>
    public async Task<IReadOnlyList<string>?> ReadRequestAsync(CancellationToken ct)
    {
        var countText = await ReadAsync(ct);
        if (countText is null || !int.TryParse(countText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var count) || count == 0)
        {
            return null;
        }

        var words = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            words.Add(await ReadAsync(ct) ?? string.Empty);
        }

        return words;
    }
}
