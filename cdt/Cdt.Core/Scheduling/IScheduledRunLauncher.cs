namespace Cdt.Scheduling;

/// <summary>
/// The one thing scheduling needs from the execute engine: start a run of this schedule's list
/// with this deadline, and say how it ended. Failures are in the outcome, not thrown.
/// </summary>
public interface IScheduledRunLauncher
{
    Task<ScheduledRunOutcome> RunAsync(ScheduledRunRequest request, CancellationToken ct);
}
