using System.Text;

namespace Cdt.Candidates;

/// <summary>
/// Splits one line of a list into trimmed cells: commas between cells, spaces or tabs around
/// them, double quotes around a cell that holds a comma or a quote (doubled inside).
/// </summary>
public static class CsvLineSplitter
{
    /// <summary>Columns whose values repeat from row to row, worth sharing: Cluster Name, Version, State, Upgrade Order.</summary>
    private static readonly bool[] Repeating = [false, true, false, true, true, true];

    /// <summary>Fills <paramref name="cells"/>; returns an error message for bad quoting, else null.</summary>
    public static string? Split(ReadOnlySpan<char> line, List<string> cells, CellPool pool)
    {
        cells.Clear();
        var i = 0;
        var n = line.Length;
        while (true)
        {
            while (i < n && line[i] is ' ' or '\t')
            {
                i++;
            }

            if (i < n && line[i] == '"')
            {
                var (cell, error, next) = Quoted(line, i);
                if (error is not null)
                {
                    return error;
                }

                i = next;
                cells.Add(Share(pool, cells.Count, cell.AsSpan().Trim()));
            }
            else
            {
                var rest = line[i..];
                var end = rest.IndexOfAny(',', '"');
                if (end >= 0 && rest[end] == '"')
                {
                    return "unbalanced quotes: a quote inside an unquoted cell";
                }

                var cell = end < 0 ? rest : rest[..end];
                cells.Add(Share(pool, cells.Count, cell.Trim()));
                i += cell.Length;
            }

            if (i >= n)
            {
                return null;
            }

            i++; // the comma
        }
    }

    /// <summary>The object name of a line that could not be split, best effort, so it is not also reported missing.</summary>
    public static string FirstCell(ReadOnlySpan<char> line)
    {
        var end = line.IndexOfAny(',', ';');
        return (end < 0 ? line : line[..end]).Trim().Trim('"').Trim().ToString();
    }

    private static (string Cell, string? Error, int Next) Quoted(ReadOnlySpan<char> line, int start)
    {
        var sb = new StringBuilder();
        var i = start + 1;
        var n = line.Length;
        while (i < n)
        {
            if (line[i] == '"')
            {
                if (i + 1 < n && line[i + 1] == '"')
                {
                    sb.Append('"');
                    i += 2;
                    continue;
                }

                i++;
                while (i < n && line[i] is ' ' or '\t')
                {
                    i++;
                }

                return i < n && line[i] != ','
                    ? (string.Empty, "unbalanced quotes: text follows a closing quote in the same cell", i)
                    : (sb.ToString(), null, i);
            }

            sb.Append(line[i]);
            i++;
        }

        return (string.Empty, "unbalanced quotes: a quoted cell is not closed on this line", i);
    }

    private static string Share(CellPool pool, int column, ReadOnlySpan<char> cell) =>
        column < Repeating.Length && Repeating[column] ? pool.Get(cell) : cell.ToString();
}
