using System.Buffers;
using System.Text;

namespace Cdt.Candidates;

/// <summary>Writes a candidates list in plain CSV or in CDT's padded dialect.</summary>
public static class CandidatesCsvWriter
{
    private static readonly SearchValues<char> NeedQuotes = SearchValues.Create(",\"\n\r");

    public static string Write(IReadOnlyList<CandidateRow> rows, CsvDialect dialect)
    {
        var newline = dialect.Crlf ? "\r\n" : "\n";
        var widths = dialect.IsPadded ? Widths(rows) : null;
        var sb = new StringBuilder((rows.Count + 2) * (dialect.IsPadded ? 120 : 64));
        if (dialect.Bom)
        {
            sb.Append('\uFEFF');
        }

        if (dialect.HasPreamble)
        {
            sb.Append(CandidatesColumns.Preamble).Append(newline);
        }

        var header = CandidatesColumns.Names;
        AppendLine(sb, widths, header[0], header[1], header[2], header[3], header[4], header[5], newline);
        foreach (var r in rows)
        {
            AppendLine(sb, widths, r.ObjectName, r.ClusterName, r.IpAddress, r.Version, r.State, r.Order.ToCell(), newline);
        }

        return sb.ToString();
    }

    /// <summary>Each column as wide as its widest cell, and never narrower than CDT's own layout.</summary>
    private static int[] Widths(IReadOnlyList<CandidateRow> rows)
    {
        var widths = CandidatesColumns.PaddedWidths.ToArray();
        for (var i = 0; i < widths.Length; i++)
        {
            widths[i] = Math.Max(widths[i], CandidatesColumns.Names[i].Length);
        }

        foreach (var r in rows)
        {
            widths[0] = Math.Max(widths[0], QuotedLength(r.ObjectName));
            widths[1] = Math.Max(widths[1], QuotedLength(r.ClusterName));
            widths[2] = Math.Max(widths[2], QuotedLength(r.IpAddress));
            widths[3] = Math.Max(widths[3], QuotedLength(r.Version));
            widths[4] = Math.Max(widths[4], QuotedLength(r.State));
            widths[5] = Math.Max(widths[5], r.Order.ToCell().Length);
        }

        return widths;
    }

    private static void AppendLine(StringBuilder sb, int[]? widths, string c0, string c1, string c2, string c3, string c4, string c5, string newline)
    {
        Append(sb, widths, 0, c0);
        Append(sb, widths, 1, c1);
        Append(sb, widths, 2, c2);
        Append(sb, widths, 3, c3);
        Append(sb, widths, 4, c4);
        Append(sb, widths, 5, c5);
        sb.Append(newline);
    }

    private static void Append(StringBuilder sb, int[]? widths, int column, string cell)
    {
        if (column > 0)
        {
            sb.Append(widths is null ? "," : " , ");
        }

        var quoted = NeedsQuotes(cell) ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;
        if (widths is not null)
        {
            sb.Append(' ', widths[column] - quoted.Length);
        }

        sb.Append(quoted);
    }

    private static bool NeedsQuotes(string cell) =>
        cell.AsSpan().ContainsAny(NeedQuotes) || (cell.Length > 0 && (cell[0] == ' ' || cell[^1] == ' '));

    private static int QuotedLength(string cell) =>
        NeedsQuotes(cell) ? cell.Length + 2 + cell.Count(c => c == '"') : cell.Length;
}
