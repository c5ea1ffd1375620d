namespace Cdt.Scheduling;

/// <summary>The last install window of a schedule and what became of it.</summary>
public sealed record RunRecord
{
    public required DateTimeOffset Window { get; init; }

    public DateTimeOffset? Deadline { get; init; }

    public DateTimeOffset? Started { get; init; }

    /// <summary>When the engine was started for this window: an interrupted run resumes its journal only after that.</summary>
    public DateTimeOffset? EngineStarted { get; init; }

    public DateTimeOffset? Finished { get; init; }

    public required RunOutcome Outcome { get; init; }

    public string Message { get; init; } = string.Empty;

    public int Installed { get; init; }

    public int Failed { get; init; }

    public int Pending { get; init; }

    public bool Late { get; init; }

    public string? ReportPath { get; init; }

    /// <summary>Who ran it (PID on host): tells an interrupted run from a running one.</summary>
    public string? Holder { get; init; }
}
