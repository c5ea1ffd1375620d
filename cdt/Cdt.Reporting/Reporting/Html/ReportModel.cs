namespace Cdt.Reporting.Html;

/// <summary>Everything report.html shows, as plain text and preformatted numbers: the template only lays it out.</summary>
public sealed record ReportModel
{
    public required string List { get; init; }

    public required string Outcome { get; init; }

    /// <summary>The css class of the outcome banner: ok, failed or stopped.</summary>
    public required string OutcomeCss { get; init; }

    public required string Started { get; init; }

    public required string Finished { get; init; }

    public required string Deadline { get; init; }

    /// <summary>The deadline's place on the time axis in percent; empty without a deadline.</summary>
    public required string DeadlineLeft { get; init; }

    public required string AxisStart { get; init; }

    public required string AxisEnd { get; init; }

    public required IReadOnlyList<KeyValuePair<string, int>> Counts { get; init; }

    public required int TargetCount { get; init; }

    public required IReadOnlyList<ReportFailure> Failures { get; init; }

    public required IReadOnlyList<ReportBatch> Batches { get; init; }

    public required IReadOnlyList<ReportCluster> Clusters { get; init; }

    public required IReadOnlyList<ReportEntry> Findings { get; init; }

    public required IReadOnlyList<ReportEntry> Notes { get; init; }

    /// <summary>Policy installations after the package (empty: the run installed none).</summary>
    public IReadOnlyList<ReportEntry> Policies { get; init; } = [];

    /// <summary>Why some targets may be missing (the roster was not available), or empty.</summary>
    public required string Caveat { get; init; }
}
