namespace Cdt.Scheduling;

/// <summary>How each outcome counts: which ones set the update lock, and their words.</summary>
public static class RunOutcomeFacts
{
    /// <summary>A failed scheduled run sets the update lock (the seed's rule): someone must look first.</summary>
    public static bool IsFailure(this RunOutcome outcome) => outcome is RunOutcome.SomeFailed or RunOutcome.StoppedByThreshold
        or RunOutcome.BadInput or RunOutcome.Error or RunOutcome.Interrupted or RunOutcome.DownloadFailed or RunOutcome.IoError;

    /// <summary>Not a failure, but not done either: monitoring warns.</summary>
    public static bool IsIncomplete(this RunOutcome outcome) => outcome is RunOutcome.StoppedByDeadline or RunOutcome.Cancelled or RunOutcome.Missed or RunOutcome.ListBusy
        or RunOutcome.AwaitingApproval;

    public static string Words(this RunOutcome outcome) => outcome switch
    {
        RunOutcome.Running => "running",
        RunOutcome.Succeeded => "succeeded",
        RunOutcome.SomeFailed => "some targets failed",
        RunOutcome.StoppedByDeadline => "stopped by the deadline",
        RunOutcome.StoppedByThreshold => "stopped by the failure threshold",
        RunOutcome.Cancelled => "cancelled",
        RunOutcome.AwaitingApproval => "waiting for approval",
        RunOutcome.BadInput => "bad input",
        RunOutcome.Error => "internal error",
        RunOutcome.Interrupted => "interrupted",
        RunOutcome.DownloadFailed => "not installed: download failed",
        RunOutcome.Missed => "missed",
        RunOutcome.SkippedLocked => "skipped: update lock",
        RunOutcome.ListBusy => "skipped: the list was being run by another process",
        RunOutcome.IoError => "I/O error",
        _ => outcome.ToString(),
    };
}
