using Cdt.Execution;

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

    /// <summary>How an engine run counts for its schedule: by a scheduled run, or by <c>cdt approve</c> continuing one.</summary>
    public static ScheduledRunOutcome From(ExecuteOutcome outcome)
    {
        var r = outcome.Run;
        return new ScheduledRunOutcome
        {
            Outcome = outcome.ReportError is not null && r.Stop != RunStop.Failure ? RunOutcome.IoError : r.Stop switch
            {
                RunStop.Deadline => RunOutcome.StoppedByDeadline,
                RunStop.Threshold => RunOutcome.StoppedByThreshold,
                RunStop.Cancelled => RunOutcome.Cancelled,
                RunStop.Failure => RunOutcome.Error,
                RunStop.AwaitingApproval => RunOutcome.AwaitingApproval,
                _ => r.Failed > 0 ? RunOutcome.SomeFailed : RunOutcome.Succeeded,
            },
            Installed = r.Succeeded,
            Failed = r.Failed,
            Pending = r.NotStarted,
            Message = string.Join("; ", new[] { r.StopMessage, outcome.ReportError }.OfType<string>()),
            ReportPath = outcome.RunFolder,
        };
    }
}
