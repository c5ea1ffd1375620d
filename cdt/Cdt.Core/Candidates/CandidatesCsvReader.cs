using System.Globalization;
using System.Text;
using Cdt.Diagnostics;
using Cdt.Formats;
using Cdt.Yaml;

using Cdt.Storage;

namespace Cdt.Candidates;

/// <summary>
/// Reads a candidates list in either dialect: plain CSV or CDT's padded one with its preamble line.
/// Accepts a UTF-8 BOM, CRLF, blank lines and spaces around cells; reports unbalanced quotes,
/// wrong column counts and semicolon-separated files with the line they are on.
/// </summary>
public static class CandidatesCsvReader
{
    /// <summary>Invalid UTF-8 (a list saved in a legacy code page) becomes U+FFFD in the cells it touches, reported there.</summary>
    private static readonly UTF8Encoding Lenient = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    /// <summary>How much of an unreadable line a message quotes.</summary>
    private const int ExcerptLength = 100;

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    public static CandidatesFile ReadFile(IFileStore files, string path) => Read(path, ReadBytes(files, path));

    /// <summary>The bytes of a list file; a missing or unreadable file is the user's to fix (exit 2).</summary>
    public static byte[] ReadBytes(IFileStore files, string path)
    {
        try
        {
            return InputLimits.ReadBytes(files, path, InputLimits.ListBytes, "the candidates list");
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new CdtInputException(path, null, null, "candidates list not found: run 'cdt generate' first, or check the path");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CdtInputException(path, null, null, $"cannot be read ({e.Message})");
        }
    }

    public static CandidatesFile Read(string path, ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)))
        {
            return Unreadable(path, [new Diagnostic(path, 1, 0, Utf16Message)], bom: false, crlf: false);
        }

        var bom = bytes.StartsWith(Utf8Bom);
        return Read(path, Lenient.GetString(bom ? bytes[Utf8Bom.Length..] : bytes), bom);
    }

    public static CandidatesFile Read(string path, string text, bool bom = false) => Read(path, text.AsSpan(), bom);

    public static CandidatesFile Read(string path, ReadOnlySpan<char> text, bool bom)
    {
        var problems = new List<Diagnostic>();
        var rows = new List<RawRow>(text.Count('\n') + 1);
        var malformed = new HashSet<string>(StringComparer.Ordinal);
        var pool = new CellPool();
        var crlf = text.IndexOf("\r\n", StringComparison.Ordinal) >= 0;
        var preamble = false;
        var padded = false;
        var headerSeen = false;
        var lineNo = 0;
        var cells = new List<string>(6);

        foreach (var range in new TextLines(text))
        {
            lineNo++;
            var line = text[range];
            if (line.Trim().IsEmpty)
            {
                continue;
            }

            if (!headerSeen)
            {
                if (!preamble && IsPreamble(line))
                {
                    preamble = true;
                    continue;
                }

                headerSeen = true;
                padded = line.StartsWith(' ') || line.Contains(" , ", StringComparison.Ordinal);
                if (IsSemicolonSeparated(line))
                {
                    problems.Add(new Diagnostic(path, lineNo, 0, SemicolonMessage));
                    return Unreadable(path, problems, bom, crlf);
                }

                var headerError = CsvLineSplitter.Split(line, cells, pool);
                if (headerError is not null || !IsHeader(cells))
                {
                    problems.Add(new Diagnostic(path, lineNo, 0, $"expected the header \"{CandidatesColumns.HeaderText}\", found \"{Excerpt(line)}\""));
                    return Unreadable(path, problems, bom, crlf);
                }

                continue;
            }

            var error = CsvLineSplitter.Split(line, cells, pool);
            if (error is not null)
            {
                problems.Add(new Diagnostic(path, lineNo, 0, error));
                malformed.Add(CsvLineSplitter.FirstCell(line));
                continue;
            }

            if (cells.Count != 6)
            {
                var hint = cells.Count == 1 && line.Contains(';') ? " (this line is separated by semicolons: use commas)" : string.Empty;
                problems.Add(new Diagnostic(path, lineNo, 0, string.Create(CultureInfo.InvariantCulture,
                    $"{cells.Count} column{(cells.Count == 1 ? string.Empty : "s")}, expected 6 ({string.Join(", ", CandidatesColumns.Names)}){hint}")));
                malformed.Add(CsvLineSplitter.FirstCell(line));
                continue;
            }

            rows.Add(new RawRow(lineNo, [.. cells]));
        }

        if (!headerSeen)
        {
            problems.Add(new Diagnostic(path, Math.Max(1, lineNo), 0, $"the file is empty: expected the header \"{CandidatesColumns.HeaderText}\" and one row per gateway"));
            return Unreadable(path, problems, bom, crlf);
        }

        var dialect = new CsvDialect { IsPadded = padded, HasPreamble = preamble, Crlf = crlf, Bom = bom };
        return new CandidatesFile(path, rows, dialect, problems) { MalformedNames = malformed };
    }

    public const string SemicolonMessage =
        "this file is separated by semicolons, not commas (Excel saves CSV that way in some locales): save it as \"CSV UTF-8 (Comma delimited)\" or replace every ';' with ',' in a text editor";

    public const string Utf16Message =
        "this file is UTF-16 (Excel's \"Unicode Text\"): save it as \"CSV UTF-8 (Comma delimited)\"";

    /// <summary>
    /// CDT's first line. A spreadsheet that saved the list pads it with empty cells
    /// ("...List:,,,,,"), so separators and spaces after it are accepted.
    /// </summary>
    private static bool IsPreamble(ReadOnlySpan<char> line)
    {
        var text = line.TrimEnd(" \t,;").Trim();
        var expected = CandidatesColumns.Preamble.AsSpan().TrimEnd(':');
        return text.StartsWith(expected, StringComparison.OrdinalIgnoreCase) && text[expected.Length..].TrimStart().TrimEnd(':').IsEmpty;
    }

    private static CandidatesFile Unreadable(string path, List<Diagnostic> problems, bool bom, bool crlf) =>
        new(path, [], new CsvDialect { Bom = bom, Crlf = crlf }, problems) { Unreadable = true };

    private static bool IsHeader(List<string> cells)
    {
        if (cells.Count != CandidatesColumns.Names.Count)
        {
            return false;
        }

        for (var i = 0; i < cells.Count; i++)
        {
            if (!cells[i].Equals(CandidatesColumns.Names[i], StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsSemicolonSeparated(ReadOnlySpan<char> line) =>
        line.Contains(';') && !line.Contains(',') && line.Contains("Object Name", StringComparison.OrdinalIgnoreCase);

    private static string Excerpt(ReadOnlySpan<char> line) => line.Length > ExcerptLength ? line[..ExcerptLength].ToString() + "..." : line.Trim().ToString();
}
