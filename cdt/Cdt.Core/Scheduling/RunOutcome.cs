namespace Cdt.Scheduling;

/// <summary>What became of one install window of a schedule.</summary>
public enum RunOutcome
{
    /// <summary>Started and not finished yet (or its process died: see <see cref="Interrupted"/>).</summary>
    Running,

    Succeeded,

    /// <summary>The run finished but at least one target failed.</summary>
    SomeFailed,

    /// <summary>The deadline (the window's end) stopped it: batches were left not started.</summary>
    StoppedByDeadline,

    StoppedByThreshold,

    /// <summary>Stopped at an approval gate: the later batches wait for <c>cdt approve</c>.</summary>
    AwaitingApproval,

    /// <summary>Stopped by the operator (the daemon was stopped during the run).</summary>
    Cancelled,

    /// <summary>The list, plan or package could not be used.</summary>
    BadInput,

    /// <summary>An unexpected error in cdt.</summary>
    Error,

    /// <summary>The process running it died and its window closed before it could resume.</summary>
    Interrupted,

    /// <summary>The package could not be sent to every target, even right before the window: nothing was installed.</summary>
    DownloadFailed,

    /// <summary>The window passed while nothing ran (machine down) and catch_up is off.</summary>
    Missed,

    /// <summary>The window came while the update lock was set: nothing ran.</summary>
    SkippedLocked,

    /// <summary>Another process (a manual <c>cdt execute</c>) was running the same list: nothing ran.</summary>
    ListBusy,

    /// <summary>The system refused a file of the run (a full disk, a read-only folder): what ran is in its journal.</summary>
    IoError,
}
