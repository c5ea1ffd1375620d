namespace Cdt.Reporting.Html;

/// <summary>
/// One target on the timeline: its bar (Left and Width in percent of the report's time axis,
/// already formatted) and its steps as text; Css is one of s, f, r, n, p (succeeded, failed,
/// interrupted, not started, pending).
/// </summary>
public sealed record ReportTargetRow
{
    public required string Name { get; init; }

    public required string Unit { get; init; }

    public required string Status { get; init; }

    public required string Css { get; init; }

    public required string Steps { get; init; }

    public required string Duration { get; init; }

    public required string Message { get; init; }

    /// <summary>Empty when the target never started.</summary>
    public required string Left { get; init; }

    public required string Width { get; init; }
}
