namespace Cdt.Candidates;

/// <summary>A list file as read from disk: its rows, its look, and any structural problems.</summary>
public sealed record CandidatesFile(string Path, IReadOnlyList<RawRow> Rows, CsvDialect Dialect, IReadOnlyList<Diagnostics.Diagnostic> Problems)
{
    /// <summary>True when the file could not even be read as a list (no header, semicolons).</summary>
    public bool Unreadable { get; init; }

    /// <summary>Object names (best effort) of lines too broken to read: present, but not checked further.</summary>
    public IReadOnlySet<string> MalformedNames { get; init; } = new HashSet<string>();
}
