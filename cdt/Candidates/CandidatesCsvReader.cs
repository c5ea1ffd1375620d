using System.Globalization;
using System.Text;
using Cdt.Files;

namespace Cdt.Candidates;

/// <summary>
/// Reads a candidates list in either dialect: plain CSV or CDT's padded one with its preamble line.
/// Accepts a UTF-8 BOM, CRLF, blank lines and spaces around cells; reports unbalanced quotes,
/// wrong column counts and semicolon-separated files with the line they are on.
/// </summary>
public static class CandidatesCsvReader
{
    public static CandidatesFile ReadFile(string path) => Read(path, ReadBytes(path));

    /// <summary>The bytes of a list file; a missing or unreadable file is the user's to fix (exit 2).</summary>
    public static byte[] ReadBytes(string path)
    {
        try
        {
            return File.ReadAllBytes(path);
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

    public static CandidatesFile Read(string path, byte[] bytes)
    {
        if (bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)))
        {
            return Unreadable(path, [new Diagnostic(path, 1, 0, Utf16Message)], bom: false, crlf: false);
        }

        var bom = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF;
        var text = new UTF8Encoding(false, false).GetString(bytes, bom ? 3 : 0, bytes.Length - (bom ? 3 : 0));
        return Read(path, text, bom);
    }

    public static CandidatesFile Read(string path, string text, bool bom = false)
    {
        var problems = new List<Diagnostic>();
        var rows = new List<RawRow>();
        var malformed = new HashSet<string>(StringComparer.Ordinal);
        var crlf = text.Contains("\r\n", StringComparison.Ordinal);
        var preamble = false;
        var padded = false;
        var headerSeen = false;
        var lineNo = 0;
        var cells = new List<string>(6);

        foreach (var rawLine in new LineReader(text))
        {
            lineNo++;
            var line = rawLine;
            if (line.AsSpan().Trim().IsEmpty)
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

                var headerError = Split(line, cells);
                if (headerError is not null || !IsHeader(cells))
                {
                    problems.Add(new Diagnostic(path, lineNo, 0, $"expected the header \"{CandidatesColumns.HeaderText}\", found \"{Excerpt(line)}\""));
                    return Unreadable(path, problems, bom, crlf);
                }

                continue;
            }

            var error = Split(line, cells);
            if (error is not null)
            {
                problems.Add(new Diagnostic(path, lineNo, 0, error));
                malformed.Add(FirstCell(line));
                continue;
            }

            if (cells.Count != 6)
            {
                var hint = cells.Count == 1 && line.Contains(';', StringComparison.Ordinal) ? " (this line is separated by semicolons: use commas)" : string.Empty;
                problems.Add(new Diagnostic(path, lineNo, 0, string.Create(CultureInfo.InvariantCulture,
                    $"{cells.Count} column{(cells.Count == 1 ? string.Empty : "s")}, expected 6 ({string.Join(", ", CandidatesColumns.Names)}){hint}")));
                malformed.Add(FirstCell(line));
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
    private static bool IsPreamble(string line)
    {
        var text = line.AsSpan().TrimEnd(" \t,;").Trim();
        var expected = CandidatesColumns.Preamble.AsSpan().TrimEnd(':');
        return text.StartsWith(expected, StringComparison.OrdinalIgnoreCase) && text[expected.Length..].TrimStart().TrimEnd(':').IsEmpty;
    }

    /// <summary>The object name of a line that could not be split, best effort, so it is not also reported missing.</summary>
    private static string FirstCell(string line)
    {
        var comma = line.AsSpan().IndexOfAny(',', ';');
        return (comma < 0 ? line : line[..comma]).Trim().Trim('"').Trim();
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

    private static bool IsSemicolonSeparated(string line) =>
        line.Contains(';', StringComparison.Ordinal) && !line.Contains(',', StringComparison.Ordinal)
        && line.Contains("Object Name", StringComparison.OrdinalIgnoreCase);

    /// <summary>Splits one line into trimmed cells; returns an error message for bad quoting.</summary>
    private static string? Split(string line, List<string> cells)
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
                var sb = new StringBuilder();
                i++;
                var closed = false;
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

                        closed = true;
                        i++;
                        break;
                    }

                    sb.Append(line[i]);
                    i++;
                }

                if (!closed)
                {
                    return "unbalanced quotes: a quoted cell is not closed on this line";
                }

                while (i < n && line[i] is ' ' or '\t')
                {
                    i++;
                }

                if (i < n && line[i] != ',')
                {
                    return "unbalanced quotes: text follows a closing quote in the same cell";
                }

                cells.Add(sb.ToString().Trim());
            }
            else
            {
                var start = i;
                while (i < n && line[i] != ',')
                {
                    if (line[i] == '"')
                    {
                        return "unbalanced quotes: a quote inside an unquoted cell";
                    }

                    i++;
                }

                cells.Add(line[start..i].Trim());
            }

            if (i >= n)
            {
                return null;
            }

            i++; // the comma
        }
    }

    private static string Excerpt(string line) => line.Length > 100 ? line[..100] + "..." : line.Trim();

    /// <summary>Lines split on LF, CRLF or a lone CR, without allocating the whole array.</summary>
    private readonly struct LineReader(string text)
    {
        public Enumerator GetEnumerator() => new(text);

        public struct Enumerator(string text)
        {
            private int _pos;

            public string Current { get; private set; } = string.Empty;

            public bool MoveNext()
            {
                if (_pos > text.Length || (_pos == text.Length && (_pos == 0 || text[_pos - 1] is '\n' or '\r')))
                {
                    return false;
                }

                var end = text.IndexOfAny(['\r', '\n'], _pos);
                if (end < 0)
                {
                    Current = text[_pos..];
                    _pos = text.Length + 1;
                    return true;
                }

                Current = text[_pos..end];
                _pos = end + (text[end] == '\r' && end + 1 < text.Length && text[end + 1] == '\n' ? 2 : 1);
                return true;
            }
        }
    }
}
