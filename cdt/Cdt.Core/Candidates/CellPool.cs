namespace Cdt.Candidates;

/// <summary>
/// Shares the strings of cells that repeat (versions, states, batch numbers, cluster names), so a
/// list of 100,000 rows does not hold 100,000 copies of "R81.20". Not thread-safe: one per read.
/// </summary>
public sealed class CellPool
{
    private readonly HashSet<string> _strings = new(StringComparer.Ordinal);
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _bySpan;

    public CellPool()
    {
        _bySpan = _strings.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public string Get(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return string.Empty;
        }

        if (_bySpan.TryGetValue(text, out var known))
        {
            return known;
        }

        var s = text.ToString();
        _strings.Add(s);
        return s;
    }
}
