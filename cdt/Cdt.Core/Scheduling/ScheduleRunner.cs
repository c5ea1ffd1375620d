using Cdt.Config;
using Cdt.Locking;
using Cdt.Storage;
using Microsoft.Extensions.Logging;

namespace Cdt.Scheduling;

/// <summary>
/// One pass over one schedule: look at its state without locking; if something is due, take
/// the schedule's run lock, read the state again, and do what is due, most urgent first, until
/// nothing is. Both <c>cdt daemon</c> and <c>cdt run-due</c> are made of these passes.
/// </summary>
public sealed class ScheduleRunner
{
    private const int MissedKept = 10;
    private readonly SchedulerPorts _ports;
    private readonly WindowWork _work;
    private readonly ILogger _log;

    public ScheduleRunner(SchedulerPorts ports)
    {
        _ports = ports;
        _work = new WindowWork(ports);
        _log = ports.Log;
    }

    /// <summary>One pass; a state or lock file the system refuses ends it with that error, logged as one line.</summary>
    public async Task<PassResult> RunDueAsync(ScheduleSettings s, CancellationToken ct)
    {
        try
        {
            return await PassAsync(s, ct);
        }
        catch (FileAccessException e)
        {
            _log.LogError("Schedule {Schedule}: {Error}; nothing more runs until it can be written", s.Name, e.Message);
            return new PassResult { Schedule = s.Name, IoError = e.Message };
        }
    }

    private async Task<PassResult> PassAsync(ScheduleSettings s, CancellationToken ct)
    {
        var peek = _ports.Store.Read(s.Name);
        if (peek.Error is { } unreadable)
        {
            _log.LogError("Schedule {Schedule}: {Error}; nothing runs until the file is repaired or removed", s.Name, unreadable);
            return new PassResult { Schedule = s.Name, Error = unreadable };
        }

        var lockFile = new RunLockFile(_ports.Files, _ports.Store.Folder, s.Name, _ports.Processes, _ports.Time);
        if (peek.State is { } seen && !NeedsWork(s, seen, lockFile))
        {
            return new PassResult { Schedule = s.Name, Next = DuePlanner.Next(s, seen) };
        }

        var attempt = await lockFile.TryAcquireAsync(_ports.Identity, ct);
        if (attempt.Error is { } lockError)
        {
            _log.LogError("Schedule {Schedule}: {Error}", s.Name, lockError);
            return new PassResult { Schedule = s.Name, Error = lockError };
        }

        if (attempt.HeldBy is { } holder)
        {
            _log.LogWarning("Schedule {Schedule}: due work waits: the schedule's run lock {Lock} is held by {Holder}", s.Name, lockFile.Path, holder.Describe());
            var retry = new NextEvent(s.Name, "retry after the run lock", _ports.Time.GetUtcNow() + _ports.LockRetry, s.TimeZone);
            return new PassResult { Schedule = s.Name, RefusedBy = holder, Next = retry };
        }

        using var lease = attempt.Lease!;
        if (attempt.Stale is { } stale)
        {
            _log.LogWarning("Schedule {Schedule}: stale run lock of {Holder} taken over: that process is gone", s.Name, stale.Describe());
        }

        return await UnderLockAsync(s, lease.Holder, ct);
    }

    private bool NeedsWork(ScheduleSettings s, ScheduleState state, RunLockFile lockFile)
    {
        if (state.LastRun is { Outcome: RunOutcome.Running })
        {
            // Running and its holder alive: that process has it in hand. Otherwise it was interrupted.
            return lockFile.ReadHolder() is not { } h || !lockFile.IsLive(h);
        }

        return !DuePlanner.Plan(s, state, _ports.Time.GetUtcNow()).IsEmpty;
    }

    private async Task<PassResult> UnderLockAsync(ScheduleSettings s, LockHolder holder, CancellationToken ct)
    {
        var read = _ports.Store.Read(s.Name);
        if (read.Error is { } unreadable)
        {
            return new PassResult { Schedule = s.Name, Error = unreadable };
        }

        var state = read.State;
        if (state is null)
        {
            // Windows that began within the grace before cdt first saw the schedule still run.
            state = ScheduleState.New(s.Name, _ports.Time.GetUtcNow() - s.StartGrace);
            _ports.Store.Write(state);
            _log.LogInformation("Schedule {Schedule}: first seen; its state is kept in {Path}", s.Name, _ports.Store.PathFor(s.Name));
        }

        RunOutcome? outcome = null;
        if (state.LastRun is { Outcome: RunOutcome.Running } interrupted)
        {
            state = await InterruptedAsync(s, state, interrupted, holder, ct);
            outcome = state.LastRun?.Outcome;
        }

        while (true)
        {
            var now = _ports.Time.GetUtcNow();
            var plan = DuePlanner.Plan(s, state, now);
            if (plan.IsEmpty)
            {
                break;
            }

            state = RecordMissed(s, state, plan);
            var locked = state.UpdateLock is not null;
            if (plan.Install is { } window)
            {
                state = locked ? SkipLocked(s, state, window) : await _work.InstallAsync(s, state, window, holder, resume: false, ct);
                outcome = state.LastRun?.Outcome;
            }
            else if (plan.Notice is { } notice)
            {
                state = locked ? Save(state with { NoticeCursor = notice }) : await _work.NoticeAsync(s, state, notice, ct);
            }
            else if (plan.Preparation is { } prep)
            {
                state = state with { PreparationCursor = plan.PreparationCursor };
                state = locked ? SkipPreparation(s, state, prep.Window) : await _work.PrepareAsync(s, state, prep.Window, prep.ForInstall, ct);
            }
            else if (plan.PreparationSkipped is { } skipped)
            {
                _log.LogInformation("Schedule {Schedule}: preparation window {Window} passed after its install window began: the install sends the package itself",
                    s.Name, WhenText.Local(skipped, s.TimeZone));
                state = Save(state with { PreparationCursor = plan.PreparationCursor });
            }
        }

        return new PassResult { Schedule = s.Name, Outcome = outcome, Next = DuePlanner.Next(s, state) };
    }

    private async Task<ScheduleState> InterruptedAsync(ScheduleSettings s, ScheduleState state, RunRecord run, LockHolder holder, CancellationToken ct)
    {
        var window = new InstallWindow { Start = run.Window, Deadline = run.Deadline ?? run.Window + s.InstallDuration, Late = run.Late };
        if (_ports.Time.GetUtcNow() < window.Deadline)
        {
            _log.LogWarning("Schedule {Schedule}: the run of the install window {Window} by {Holder} was interrupted; resuming it before its deadline",
                s.Name, WhenText.Local(run.Window, s.TimeZone), run.Holder);
            return await _work.InstallAsync(s, state, window, holder, resume: run.EngineStarted is not null, ct);
        }

        var reason = $"the run of the install window {WhenText.Local(run.Window, s.TimeZone)} by {run.Holder} was interrupted and its window closed before it could resume";
        state = state with { LastRun = run with { Outcome = RunOutcome.Interrupted, Finished = _ports.Time.GetUtcNow(), Message = reason } };
        return Save(_work.SetUpdateLock(s, state, reason, run.Window));
    }

    private ScheduleState RecordMissed(ScheduleSettings s, ScheduleState state, DuePlan plan)
    {
        if (plan.Missed.Count == 0)
        {
            return state;
        }

        foreach (var w in plan.Missed.TakeLast(3))
        {
            _log.LogWarning("Schedule {Schedule}: install window {Window} was missed (nothing ran then); not run late because catch_up is {CatchUp}",
                s.Name, WhenText.Both(w, s.TimeZone), s.CatchUp ? "on only for the latest one" : "off");
        }

        if (plan.Missed.Count + plan.MissedBeyondList > 3)
        {
            _log.LogWarning("Schedule {Schedule}: {Count} install windows were missed in all", s.Name, plan.Missed.Count + plan.MissedBeyondList);
        }

        var last = plan.Missed[^1];
        state = state with
        {
            Missed = [.. state.Missed.Concat(plan.Missed).TakeLast(MissedKept)],
            InstallCursor = plan.InstallCursor,
            LastRun = plan.Install is null ? new RunRecord { Window = last, Outcome = RunOutcome.Missed, Message = "the scheduler was not running" } : state.LastRun,
        };
        return Save(state);
    }

    private ScheduleState SkipLocked(ScheduleSettings s, ScheduleState state, InstallWindow window)
    {
        _log.LogError("Schedule {Schedule}: install window {Window} skipped: the update lock is set ({Reason}); run 'cdt unlock --schedule {Name}' once it is dealt with",
            s.Name, WhenText.Both(window.Start, s.TimeZone), state.UpdateLock!.Reason, s.Name);
        var run = new RunRecord { Window = window.Start, Deadline = window.Deadline, Outcome = RunOutcome.SkippedLocked, Message = "update lock set" };
        return Save(state with { LastRun = run, InstallCursor = window.Start, NoticeCursor = window.Start > state.NoticeCursor ? window.Start : state.NoticeCursor });
    }

    private ScheduleState SkipPreparation(ScheduleSettings s, ScheduleState state, DateTimeOffset window)
    {
        _log.LogWarning("Schedule {Schedule}: preparation window {Window} skipped: the update lock is set", s.Name, WhenText.Local(window, s.TimeZone));
        return Save(state);
    }

    private ScheduleState Save(ScheduleState state)
    {
        _ports.Store.Write(state);
        return state;
    }
}
