namespace Cdt.Scheduling;

/// <summary>One occurrence of a schedule's install window: when it was due and the deadline of its run.</summary>
public sealed record InstallWindow
{
    /// <summary>The scheduled start (the cron occurrence): it names the window in state and reports.</summary>
    public required DateTimeOffset Start { get; init; }

    /// <summary>No batch starts at or after this instant: the window's end, or for a caught-up window, a full window from the late start.</summary>
    public required DateTimeOffset Deadline { get; init; }

    /// <summary>Started after its grace because catch_up is on.</summary>
    public bool Late { get; init; }
}
