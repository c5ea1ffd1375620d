using Cdt.Config;
using Cdt.Execution;
using Cdt.Locking;

namespace Cdt.Scheduling;

/// <summary>
/// A scheduled run that waited at an approval gate and was continued by <c>cdt approve</c>: its
/// schedule's last run takes the continued run's outcome, so <c>cdt status</c> and <c>cdt check</c>
/// stop saying it waits; a failure sets the update lock, as it would have in the scheduler. The
/// state is changed under the schedule's run lock, so a scheduler pass never writes over it.
/// </summary>
public static class ScheduledApprovals
{
    public static async Task RecordAsync(ExecutionPorts ports, string stateDir, IEnumerable<ScheduleSettings> schedules, ExecuteOutcome outcome, Action<string> warn, CancellationToken ct)
    {
        var store = new ScheduleStateStore(ports.Files, stateDir);
        foreach (var s in schedules.Where(s => WaitsFor(store, s, outcome)))
        {
            var lockFile = new RunLockFile(ports.Files, store.Folder, s.Name, ports.Processes, ports.Time);
            var attempt = await lockFile.TryAcquireAsync(ports.Processes.Self("cdt approve"), ct);
            if (!attempt.Acquired)
            {
                warn($"schedule '{s.Name}': its state still says the run waits: its run lock is {(attempt.HeldBy is { } h ? "held by " + h.Describe() : attempt.Error)}; the run's own results are in {outcome.RunFolder}");
                continue;
            }

            using var lease = attempt.Lease!;
            if (store.Read(s.Name).State is { LastRun: { } waiting } state && WaitsFor(store, s, outcome))
            {
                var now = ports.Time.GetUtcNow();
                var result = ScheduledRunOutcome.From(outcome);
                var run = waiting with { Finished = now, Outcome = result.Outcome, Message = result.Message, Installed = result.Installed, Failed = result.Failed, Pending = result.Pending };
                var locked = result.Outcome.IsFailure() && state.UpdateLock is null
                    ? new UpdateLockRecord { SetAt = now, Reason = $"the scheduled run of the install window {WhenText.Local(run.Window, s.TimeZone)}, continued by cdt approve, failed ({result.Outcome.Words()})", Window = run.Window }
                    : state.UpdateLock;
                store.Write(state with { LastRun = run, UpdateLock = locked });
            }
        }
    }

    private static bool WaitsFor(ScheduleStateStore store, ScheduleSettings s, ExecuteOutcome outcome) =>
        store.Read(s.Name).State?.LastRun is { Outcome: RunOutcome.AwaitingApproval } waiting && waiting.ReportPath == outcome.RunFolder;
}
