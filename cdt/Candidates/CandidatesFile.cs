namespace Cdt.Candidates;

/// <summary>A list file as read from disk: its rows, its look, and any structural problems.</summary>
public sealed record CandidatesFile(string Path, IReadOnlyList<RawRow> Rows, CsvDialect Dialect, IReadOnlyList<Files.Diagnostic> Problems)
{
    /// <summary>True when the file could not even be read as a list (no header, semicolons).</summary>
    public bool Unreadable { get; init; }
}
