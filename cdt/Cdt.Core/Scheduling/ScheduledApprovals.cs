using Cdt.Config;
using Cdt.Execution;
using Cdt.Storage;

namespace Cdt.Scheduling;

/// <summary>
/// A scheduled run that waited at an approval gate and was continued by <c>cdt approve</c>: its
/// schedule's last run takes the continued run's outcome, so <c>cdt status</c> and <c>cdt check</c>
/// stop saying it waits; a failure sets the update lock, as it would have in the scheduler.
/// </summary>
public static class ScheduledApprovals
{
    public static void Record(IFileStore files, string stateDir, IEnumerable<ScheduleSettings> schedules, ExecuteOutcome outcome, DateTimeOffset now)
    {
        var store = new ScheduleStateStore(files, stateDir);
        foreach (var s in schedules)
        {
            if (store.Read(s.Name).State is not { LastRun: { Outcome: RunOutcome.AwaitingApproval } waiting } state || waiting.ReportPath != outcome.RunFolder)
            {
                continue;
            }

            var result = ScheduledRunOutcome.From(outcome);
            var run = waiting with { Finished = now, Outcome = result.Outcome, Message = result.Message, Installed = result.Installed, Failed = result.Failed, Pending = result.Pending };
            var locked = result.Outcome.IsFailure() && state.UpdateLock is null
                ? new UpdateLockRecord { SetAt = now, Reason = $"the scheduled run of the install window {WhenText.Local(run.Window, s.TimeZone)}, continued by cdt approve, failed ({result.Outcome.Words()})", Window = run.Window }
                : state.UpdateLock;
            store.Write(state with { LastRun = run, UpdateLock = locked });
        }
    }
}
