using Cdt.Config;
using Cdt.Diagnostics;
using Cdt.Formats;
using Cdt.Yaml;
using Cdt.Locking;

using Cdt.Storage;

namespace Cdt.Scheduling;

/// <summary>
/// The update lock seen from outside the scheduler: the check a manual <c>cdt execute</c> makes
/// before starting (it refuses while any schedule is locked, unless <c>--ignore-lock</c>), and
/// <c>cdt unlock</c>, which removes it and records who and when.
/// </summary>
public static class UpdateLocks
{
    /// <summary>
    /// One line per reason a manual run must not start: a schedule's update lock, or a state
    /// file that cannot be read (it might hide one). Empty: go ahead.
    /// </summary>
    public static IReadOnlyList<string> ManualRunRefusals(IFileStore files, string stateDir, IEnumerable<ScheduleSettings> schedules)
    {
        var store = new ScheduleStateStore(files, stateDir);
        var refusals = new List<string>();
        foreach (var s in schedules)
        {
            var read = store.Read(s.Name);
            if (read.Error is { } error)
            {
                refusals.Add($"schedule '{s.Name}': {error}: cannot tell whether an update lock is set; repair it, or pass --ignore-lock");
            }
            else if (read.State?.UpdateLock is { } l)
            {
                refusals.Add($"schedule '{s.Name}': update lock set at {IsoTime.Format(l.SetAt)}: {l.Reason}; check the fleet, then run 'cdt unlock --schedule {s.Name}', or pass --ignore-lock");
            }
        }

        return refusals;
    }

    /// <summary>Removes the update lock of each schedule given, under its run lock, recording <paramref name="by"/> and the time.</summary>
    public static async Task<IReadOnlyList<UnlockResult>> UnlockAsync(SchedulerPorts ports, IEnumerable<ScheduleSettings> schedules, string by, CancellationToken ct)
    {
        var results = new List<UnlockResult>();
        foreach (var s in schedules)
        {
            results.Add(await UnlockOneAsync(ports, s, by, ct));
        }

        return results;
    }

    private static async Task<UnlockResult> UnlockOneAsync(SchedulerPorts ports, ScheduleSettings s, string by, CancellationToken ct)
    {
        var lockFile = new RunLockFile(ports.Files, ports.Store.Folder, s.Name, ports.Processes, ports.Time);
        var attempt = await lockFile.TryAcquireAsync(ports.Identity, ct);
        if (!attempt.Acquired)
        {
            return new UnlockResult { Schedule = s.Name, RefusedBy = attempt.HeldBy, Error = attempt.Error };
        }

        using var lease = attempt.Lease!;
        var read = ports.Store.Read(s.Name);
        if (read.Error is { } error)
        {
            return new UnlockResult { Schedule = s.Name, Error = error };
        }

        if (read.State is not { UpdateLock: { } removed } state)
        {
            return new UnlockResult { Schedule = s.Name, FlagStillSet = read.State?.WarningFlag };
        }

        ports.Store.Write(state with
        {
            UpdateLock = null,
            LastUnlock = new UnlockRecord { By = by, At = ports.Time.GetUtcNow(), LockReason = removed.Reason },
        });
        return new UnlockResult { Schedule = s.Name, Removed = removed, FlagStillSet = state.WarningFlag };
    }
}
