using System.Text;

namespace Cdt.Candidates;

/// <summary>Writes a candidates list in plain CSV or in CDT's padded dialect.</summary>
public static class CandidatesCsvWriter
{
    public static string Write(IReadOnlyList<CandidateRow> rows, CsvDialect dialect)
    {
        var table = new List<string[]>(rows.Count + 1) { CandidatesColumns.Names.ToArray() };
        table.AddRange(rows.Select(r => new[] { r.ObjectName, r.ClusterName, r.IpAddress, r.Version, r.State, r.Order.ToCell() }));
        var newline = dialect.Crlf ? "\r\n" : "\n";
        var sb = new StringBuilder(rows.Count * 80);
        if (dialect.Bom)
        {
            sb.Append('\uFEFF');
        }

        if (dialect.HasPreamble)
        {
            sb.Append(CandidatesColumns.Preamble).Append(newline);
        }

        if (dialect.IsPadded)
        {
            var widths = CandidatesColumns.PaddedWidths.ToArray();
            foreach (var cells in table)
            {
                for (var i = 0; i < widths.Length; i++)
                {
                    widths[i] = Math.Max(widths[i], Quote(cells[i]).Length);
                }
            }

            foreach (var cells in table)
            {
                for (var i = 0; i < cells.Length; i++)
                {
                    if (i > 0)
                    {
                        sb.Append(" , ");
                    }

                    sb.Append(Quote(cells[i]).PadLeft(widths[i]));
                }

                sb.Append(newline);
            }
        }
        else
        {
            foreach (var cells in table)
            {
                for (var i = 0; i < cells.Length; i++)
                {
                    if (i > 0)
                    {
                        sb.Append(',');
                    }

                    sb.Append(Quote(cells[i]));
                }

                sb.Append(newline);
            }
        }

        return sb.ToString();
    }

    private static string Quote(string cell) =>
        cell.IndexOfAny([',', '"', '\n', '\r']) >= 0 || (cell.Length > 0 && (cell[0] == ' ' || cell[^1] == ' '))
            ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : cell;
}
