namespace Cdt.Scheduling;

/// <summary>How a scheduled run ended, with the counts monitoring reports.</summary>
public sealed record ScheduledRunOutcome
{
    public required RunOutcome Outcome { get; init; }

    public int Installed { get; init; }

    public int Failed { get; init; }

    /// <summary>Targets not installed and not failed (not started: deadline, threshold, download failed).</summary>
    public int Pending { get; init; }

    /// <summary>One line for logs, status and mail.</summary>
    public string Message { get; init; } = string.Empty;

    /// <summary>Where the run's results are (its log folder), when there are any.</summary>
    public string? ReportPath { get; init; }
}
