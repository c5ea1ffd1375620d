using Cdt.Diagnostics;
using Cdt.Formats;
using Cdt.Yaml;

namespace Cdt.Candidates;

/// <summary>Every problem found in a list (sorted by line), and the rows when there were none.</summary>
public sealed record ValidationResult(string Path, IReadOnlyList<Diagnostic> Problems, IReadOnlyList<CandidateRow> Rows, IReadOnlyList<string> Warnings)
{
    public bool IsValid => Problems.Count == 0;

    /// <summary>From the generation record: whether the list is for removing the package; null without a record.</summary>
    public bool? ForRemoval { get; init; }
}
