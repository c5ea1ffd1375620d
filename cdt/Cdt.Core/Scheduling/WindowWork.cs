using Cdt.Config;
using Cdt.Execution;
using Cdt.Diagnostics;
using Cdt.Formats;
using Cdt.Yaml;
using Cdt.Locking;
using Cdt.Storage;
using Microsoft.Extensions.Logging;

namespace Cdt.Scheduling;

/// <summary>
/// The work of each kind of window, done while the schedule's run lock is held: send the
/// package ahead (warning flag on failure), give notice, and run an install window (send again
/// right before it if needed, refuse to install and set the update lock if that fails, start the
/// engine, set the update lock if the run fails). Every change is saved before the next step.
/// </summary>
public sealed class WindowWork
{
    private readonly SchedulerPorts _ports;
    private readonly PackageDownloader _downloader;
    private readonly RunMailer _mailer;
    private readonly ILogger _log;

    public WindowWork(SchedulerPorts ports)
    {
        _ports = ports;
        _log = ports.Log;
        _downloader = new PackageDownloader(ports.Fleet, ports.Time, ports.Log);
        _mailer = new RunMailer(ports.Mail, ports.Log);
    }

    private DateTimeOffset Now => _ports.Time.GetUtcNow();

    public async Task<ScheduleState> PrepareAsync(ScheduleSettings s, ScheduleState state, DateTimeOffset window, DateTimeOffset forInstall, CancellationToken ct)
    {
        var started = Now;
        _log.LogInformation("Schedule {Schedule}: preparation window {Window}: sending the package ahead of the install window {Install}",
            s.Name, WhenText.Local(window, s.TimeZone), WhenText.Local(forInstall, s.TimeZone));
        var plan = _ports.Fleet.Resolve(s);
        if (plan.Error is { } error)
        {
            _log.LogWarning("Schedule {Schedule}: nothing sent ahead: {Error}", s.Name, error);
            return Save(state with { LastPreparation = Preparation(window, forInstall, started, "error", error) });
        }

        if (plan.NothingToSend)
        {
            _log.LogInformation("Schedule {Schedule}: nothing to send ahead: its plan installs no package", s.Name);
            return Save(state with { LastPreparation = Preparation(window, forInstall, started, "nothing to send", "the plan installs no package") });
        }

        var record = await _downloader.RunRoundAsync(s, PackageDownloader.Continue(state.Download, plan, forInstall), DownloadRound.Ahead, ct);
        state = state with { Download = record };
        if (record.Complete)
        {
            return Save(ClearFlag(s, state) with { LastPreparation = Preparation(window, forInstall, started, "downloaded", $"{record.Package} verified on {record.Targets.Count} target(s)") });
        }

        var reason = PackageDownloader.Failure(record);
        _log.LogWarning("Schedule {Schedule}: warning flag set: {Reason}; {Attempts} more attempt(s) per target right before the install window",
            s.Name, reason, s.Download.AttemptsBeforeInstall);
        return Save(SetFlag(state, reason) with { LastPreparation = Preparation(window, forInstall, started, "failed", reason) });
    }

    public async Task<ScheduleState> NoticeAsync(ScheduleSettings s, ScheduleState state, DateTimeOffset install, CancellationToken ct)
    {
        var late = Now > install - TimeSpan.FromMinutes(s.NoticeMinutes) + s.StartGrace;
        _log.LogInformation("Schedule {Schedule}: notice: maintenance in the install window at {Install}{Late}",
            s.Name, WhenText.Both(install, s.TimeZone), late ? " (notice given late: the scheduler was not running at notice time)" : string.Empty);
        if (s.NoticeCommand is not null)
        {
            var plan = _ports.Fleet.Resolve(s);
            if (plan.Error is { } error)
            {
                _log.LogWarning("Schedule {Schedule}: no notice sent to the targets: {Error}", s.Name, error);
            }
            else
            {
                await SendNoticesAsync(s, plan.Targets, ct);
            }
        }

        return Save(state with { NoticeCursor = install > state.NoticeCursor ? install : state.NoticeCursor, NoticeSentAt = Now });
    }

    public async Task<ScheduleState> InstallAsync(ScheduleSettings s, ScheduleState state, InstallWindow window, LockHolder holder, bool resume, CancellationToken ct)
    {
        var run = new RunRecord
        {
            Window = window.Start,
            Deadline = window.Deadline,
            Started = Now,
            Outcome = RunOutcome.Running,
            Late = window.Late,
            Holder = holder.Describe(),
        };
        state = Save(state with { LastRun = run, InstallCursor = window.Start > state.InstallCursor ? window.Start : state.InstallCursor });
        _log.LogInformation("Schedule {Schedule}: install window {Window} {How}; deadline {Deadline}",
            s.Name, WhenText.Both(window.Start, s.TimeZone), resume ? "resumes an interrupted run" : window.Late ? "starts late (catch_up)" : "starts",
            WhenText.Local(window.Deadline, s.TimeZone));
        await _mailer.NotifyAsync(s, MailEvent.Start, "install window started", $"The install window {WhenText.Both(window.Start, s.TimeZone)} started; deadline {WhenText.Local(window.Deadline, s.TimeZone)}.", ct);
        if (state.NoticeCursor < window.Start)
        {
            state = await NoticeAsync(s, state, window.Start, ct);
        }

        await WaitOutNoticeAsync(s, state, window, ct);

        var (ready, result) = await EnsureDownloadedAsync(s, state, window, ct);
        state = ready;
        if (result is null)
        {
            run = run with { EngineStarted = Now };
            state = Save(state with { LastRun = run });
            result = await LaunchAsync(s, window, resume, ct);
            if (result is null)
            {
                // The daemon is stopping: the run stays "running" so a restart within the window resumes it.
                Save(state with { LastRun = run with { Message = "stopped with the scheduler; resumes if it restarts before the deadline" } });
                throw new OperationCanceledException(ct);
            }
        }

        return await FinishAsync(s, state, run, result, ct);
    }

    /// <summary>A notice given late (the scheduler was down at notice time) still gives people its full time before any install.</summary>
    private async Task WaitOutNoticeAsync(ScheduleSettings s, ScheduleState state, InstallWindow window, CancellationToken ct)
    {
        if (s.NoticeMinutes == 0 || state.NoticeSentAt is not { } sent)
        {
            return;
        }

        var until = sent + TimeSpan.FromMinutes(s.NoticeMinutes);
        until = until < window.Deadline ? until : window.Deadline;
        if (until <= Now)
        {
            return;
        }

        _log.LogInformation("Schedule {Schedule}: the notice went out late: waiting {Wait} before any install so it is given in full", s.Name, DurationText.Format(until - Now));
        await Task.Delay(until - Now, _ports.Time, ct);
    }

    private async Task<(ScheduleState State, ScheduledRunOutcome? Refusal)> EnsureDownloadedAsync(ScheduleSettings s, ScheduleState state, InstallWindow window, CancellationToken ct)
    {
        var plan = _ports.Fleet.Resolve(s);
        if (plan.Error is { } error)
        {
            return (state, new ScheduledRunOutcome { Outcome = RunOutcome.BadInput, Message = error });
        }

        if (plan.NothingToSend)
        {
            return (state, null);
        }

        var record = PackageDownloader.Continue(state.Download, plan, window.Start);
        if (!record.Complete)
        {
            _log.LogInformation("Schedule {Schedule}: {Missing} target(s) lack a verified copy of {Package}: up to {Attempts} attempt(s) each before installing",
                s.Name, record.Targets.Count(t => !t.Verified), record.Package, s.Download.AttemptsBeforeInstall);
            record = await _downloader.RunRoundAsync(s, record, DownloadRound.BeforeInstall, ct);
        }

        state = Save(state with { Download = record });
        if (!record.Complete)
        {
            var reason = PackageDownloader.Failure(record);
            var pending = plan.Targets.Count;
            return (Save(SetFlag(state, reason)), new ScheduledRunOutcome { Outcome = RunOutcome.DownloadFailed, Pending = pending, Message = reason + "; nothing was installed" });
        }

        return (Save(ClearFlag(s, state)), null);
    }

    /// <summary>Starts the engine; null when the scheduler itself is being stopped.</summary>
    private async Task<ScheduledRunOutcome?> LaunchAsync(ScheduleSettings s, InstallWindow window, bool resume, CancellationToken ct)
    {
        try
        {
            var outcome = await _ports.Launcher.RunAsync(new ScheduledRunRequest { Schedule = s, Window = window, Resume = resume }, ct);
            return outcome.Outcome == RunOutcome.Cancelled && ct.IsCancellationRequested ? null : outcome;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return null;
        }
        catch (CdtInputException e)
        {
            return new ScheduledRunOutcome { Outcome = RunOutcome.BadInput, Message = e.ToDisplayLine() };
        }
        catch (FileAccessException e)
        {
            _log.LogError("Schedule {Schedule}: the run stopped: {Error}", s.Name, e.Message);
            return new ScheduledRunOutcome { Outcome = RunOutcome.IoError, Message = e.Message };
        }
        catch (Exception e)
        {
            _log.LogError(e, "Schedule {Schedule}: the run failed with an internal error", s.Name);
            return new ScheduledRunOutcome { Outcome = RunOutcome.Error, Message = "internal error: " + e.Message };
        }
    }

    private async Task<ScheduleState> FinishAsync(ScheduleSettings s, ScheduleState state, RunRecord run, ScheduledRunOutcome result, CancellationToken ct)
    {
        var finished = run with
        {
            Finished = Now,
            Outcome = result.Outcome,
            Message = result.Message,
            Installed = result.Installed,
            Failed = result.Failed,
            Pending = result.Pending,
            ReportPath = result.ReportPath,
        };
        state = state with { LastRun = finished };
        var summary = $"{result.Outcome.Words()}: installed {result.Installed}, failed {result.Failed}, pending {result.Pending}"
            + (result.Message.Length > 0 ? "; " + result.Message : string.Empty);
        if (result.Outcome.IsFailure())
        {
            state = SetUpdateLock(s, state, $"the scheduled run of the install window {WhenText.Local(run.Window, s.TimeZone)} failed ({summary})", run.Window);
        }
        else
        {
            _log.LogInformation("Schedule {Schedule}: install window {Window} finished: {Summary}", s.Name, WhenText.Local(run.Window, s.TimeZone), summary);
        }

        Save(state);
        await _mailer.NotifyAsync(s, MailEvent.End, "install window " + result.Outcome.Words(), summary + (result.ReportPath is { } p ? "\nResults: " + p : string.Empty), ct);
        if (result.Outcome.IsFailure())
        {
            await _mailer.NotifyAsync(s, MailEvent.Failure, "FAILED, update lock set", summary + "\nNo scheduled run starts until an admin runs: cdt unlock --schedule " + s.Name, ct);
        }

        return state;
    }

    /// <summary>Sets the update lock (a failed scheduled run); an existing lock keeps its first reason and time.</summary>
    public ScheduleState SetUpdateLock(ScheduleSettings s, ScheduleState state, string reason, DateTimeOffset? window)
    {
        _log.LogError("Schedule {Schedule}: update lock set: {Reason}; no scheduled run starts until 'cdt unlock --schedule {Name}'", s.Name, reason, s.Name);
        return state.UpdateLock is not null ? state : state with { UpdateLock = new UpdateLockRecord { SetAt = Now, Reason = reason, Window = window } };
    }

    private async Task SendNoticesAsync(ScheduleSettings s, IReadOnlyList<string> targets, CancellationToken ct)
    {
        var slots = new SlotGate(PackageDownloader.Parallel);
        await Task.WhenAll(targets.Select(async target =>
        {
            await slots.AcquireAsync(1, ct);
            try
            {
                var result = await _ports.Fleet.RunNoticeAsync(s, target, ct);
                if (!result.Succeeded)
                {
                    _log.LogWarning("Schedule {Schedule}: the notice on {Target} failed: {Error}", s.Name, target, result.Describe());
                }
            }
            finally
            {
                slots.Release(1);
            }
        }));
    }

    private ScheduleState SetFlag(ScheduleState state, string reason) =>
        state with { WarningFlag = new FlagRecord { SetAt = state.WarningFlag?.SetAt ?? Now, Reason = reason } };

    private ScheduleState ClearFlag(ScheduleSettings s, ScheduleState state)
    {
        if (state.WarningFlag is null)
        {
            return state;
        }

        _log.LogInformation("Schedule {Schedule}: warning flag cleared: every target holds a checksum-verified copy of the package", s.Name);
        return state with { WarningFlag = null };
    }

    private PreparationRecord Preparation(DateTimeOffset window, DateTimeOffset forInstall, DateTimeOffset started, string outcome, string message) =>
        new() { Window = window, ForInstall = forInstall, Started = started, Finished = Now, Outcome = outcome, Message = message };

    private ScheduleState Save(ScheduleState state)
    {
        _ports.Store.Write(state);
        return state;
    }
}
