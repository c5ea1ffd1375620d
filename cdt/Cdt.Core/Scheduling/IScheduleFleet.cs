using Cdt.Config;
using Cdt.Transport;

namespace Cdt.Scheduling;

/// <summary>
/// What scheduling does on gateways itself, before the engine runs: find the targets of a
/// schedule's list, send the package ahead (one checksum-verified attempt at a time), run the notice.
/// </summary>
public interface IScheduleFleet
{
    /// <summary>The targets the schedule's run would install (rows of its list in a batch) and the package; never throws.</summary>
    FleetPlan Resolve(ScheduleSettings schedule);

    /// <summary>One attempt: if the target lacks a copy with the right checksum, send it, then verify it.</summary>
    Task<TransferAttempt> TransferOnceAsync(ScheduleSettings schedule, string target, CancellationToken ct);

    /// <summary>Runs the schedule's notice command on one target.</summary>
    Task<CommandResult> RunNoticeAsync(ScheduleSettings schedule, string target, CancellationToken ct);
}
