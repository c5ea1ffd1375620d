namespace Cdt.Reporting.Html;

/// <summary>One batch of the timeline with its targets.</summary>
public sealed record ReportBatch
{
    public required int Number { get; init; }

    public required string Status { get; init; }

    public required string Counts { get; init; }

    public required IReadOnlyList<ReportTargetRow> Targets { get; init; }
}
