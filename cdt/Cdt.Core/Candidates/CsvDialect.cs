namespace Cdt.Candidates;

/// <summary>How a list file looks on disk, kept so a rewrite looks like the original.</summary>
public sealed record CsvDialect
{
    public static readonly CsvDialect Plain = new();

    /// <summary>CDT's own look: a preamble line and cells padded with spaces around <c>" , "</c>.</summary>
    public static readonly CsvDialect Padded = new() { IsPadded = true, HasPreamble = true };

    public bool IsPadded { get; init; }

    public bool HasPreamble { get; init; }

    public bool Crlf { get; init; }

    public bool Bom { get; init; }
}
