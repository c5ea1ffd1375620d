namespace Cdt.Candidates;

/// <summary>What generate produced: the rows (with N/A reasons), what the filter removed, and notes for the admin.</summary>
public sealed record GeneratedList(IReadOnlyList<CandidateRow> Rows, IReadOnlyList<string> Filtered, IReadOnlyList<string> Notes);
