using Cdt.Host;
using System.Globalization;
using Cdt.Locking;
using Cdt.Scheduling;
using Cdt.Tests.Support;
using NUnit.Framework;
using Shouldly;

namespace Cdt.Tests.Scheduling;

public class SchedulerDaemonTests
{
    // Paris falls back on 2026-10-25: 02:30 is 00:30Z before, 01:30Z after (and shows twice that night).
    private static readonly DateTimeOffset[] WeekOfWindows =
    [
        At("2026-10-22T00:30:00Z"), At("2026-10-23T00:30:00Z"), At("2026-10-24T00:30:00Z"), At("2026-10-25T00:30:00Z"),
        At("2026-10-26T01:30:00Z"), At("2026-10-27T01:30:00Z"), At("2026-10-28T01:30:00Z"),
    ];

    [Test]
    public void ADaemonRunsAWeekOfWindowsAcrossTheAutumnChangeOnTime()
    {
        using var h = new SchedulerHarness("2026-10-21T12:00:00Z");
        var log = new ListLogger();

        h.RunDaemon(log, "2026-10-28T12:00:00Z");

        h.Launcher.Calls.Select(c => c.At).ShouldBe(WeekOfWindows);
        h.Launcher.Calls.Select(c => c.Request.Window.Deadline).ShouldBe(WeekOfWindows.Select(w => w + TimeSpan.FromHours(3)));
        h.Launcher.Calls.ShouldAllBe(c => !c.Request.Resume && !c.Request.Window.Late);
        h.Fleet.Attempts.ShouldBe(new Dictionary<string, int> { ["gw-a"] = 7, ["gw-b"] = 7, ["gw-c"] = 7 }, ignoreOrder: true);
        h.State.LastRun!.Outcome.ShouldBe(RunOutcome.Succeeded);
        h.State.Missed.ShouldBeEmpty();
        log.Lines.ShouldContain("Information: Schedule nightly: next: install window at 2026-10-25T02:30:00+02:00 Europe/Paris (2026-10-25T00:30:00+00:00)");
        log.Lines.ShouldContain("Information: Schedule nightly: next: install window at 2026-10-26T02:30:00+01:00 Europe/Paris (2026-10-26T01:30:00+00:00)");
        log.Lines.ShouldNotContain(l => l.StartsWith("Warning", StringComparison.Ordinal) || l.StartsWith("Error", StringComparison.Ordinal));
    }

    [Test]
    public void AWindowAFractionOfAMillisecondAwayIsWaitedForNotSpunOn()
    {
        using var h = new SchedulerHarness("2026-10-22T00:29:59.9995Z");

        h.RunDaemon(new ListLogger(), "2026-10-22T12:00:00Z");

        h.Launcher.Calls.ShouldHaveSingleItem().At.ShouldBe(At("2026-10-22T00:30:00.0005Z"));
    }

    [Test]
    public void ARestartedDaemonContinuesFromTheStateFileWithoutRepeatingOrMissingAWindow()
    {
        using var h = new SchedulerHarness("2026-10-21T12:00:00Z");

        h.RunDaemon(new ListLogger(), "2026-10-23T12:00:00Z", pid: 1001);
        h.Processes.Alive.Remove(1001);
        h.RunDaemon(new ListLogger(), "2026-10-28T12:00:00Z", pid: 1002);

        h.Launcher.Calls.Select(c => c.At).ShouldBe(WeekOfWindows);
    }

    [Test]
    public void ADaemonStoppedDuringARunResumesItWhenRestartedInsideTheWindow()
    {
        using var h = new SchedulerHarness("2026-10-21T12:00:00Z");
        h.RunDaemon(new ListLogger(), "2026-10-22T00:45:00Z", pid: 1001);
        h.State.LastRun!.Outcome.ShouldBe(RunOutcome.Running);
        h.Processes.Alive.Remove(1001);
        var log = new ListLogger();

        h.RunDaemon(log, "2026-10-22T12:00:00Z", pid: 1002);

        h.Launcher.Calls.Select(c => (c.At, c.Request.Resume)).ShouldBe([(WeekOfWindows[0], false), (At("2026-10-22T00:45:00Z"), true)]);
        h.Launcher.Calls[1].Request.Window.Deadline.ShouldBe(At("2026-10-22T03:30:00Z"));
        h.State.LastRun!.Outcome.ShouldBe(RunOutcome.Succeeded);
        log.Lines.ShouldContain(l => l.Contains("by PID 1001 on mgmt-1 (cdt daemon, since 2026-10-22T00:30:00+00:00) was interrupted; resuming it before its deadline", StringComparison.Ordinal));
    }

    [Test]
    public void WindowsMissedWhileTheMachineWasDownAreReportedAndNotRunLate()
    {
        using var h = new SchedulerHarness("2026-10-21T12:00:00Z");
        var log = new ListLogger();
        h.RunDaemon(new ListLogger(), "2026-10-22T12:00:00Z");

        h.Clock.AdvanceTo(At("2026-10-24T12:00:00Z"));
        var pass = h.RunDue(log);

        pass.Outcome.ShouldBeNull();
        h.State.Missed.ShouldBe([At("2026-10-23T00:30:00Z"), At("2026-10-24T00:30:00Z")]);
        h.State.LastRun!.Outcome.ShouldBe(RunOutcome.Missed);
        log.Lines.ShouldContain("Warning: Schedule nightly: install window 2026-10-23T02:30:00+02:00 Europe/Paris (2026-10-23T00:30:00+00:00) was missed (nothing ran then); not run late because catch_up is off");
        h.Launcher.Calls.Count.ShouldBe(1);

        h.RunDaemon(new ListLogger(), "2026-10-26T12:00:00Z");
        h.Launcher.Calls.Select(c => c.At).ShouldBe([WeekOfWindows[0], WeekOfWindows[3], WeekOfWindows[4]]);
    }

    [Test]
    public void WithCatchUpTheLatestMissedWindowRunsAtOnceWithAFullWindowAsItsDeadline()
    {
        using var h = new SchedulerHarness("2026-10-21T12:00:00Z", SchedulerHarness.Nightly + "\n    catch_up: true");
        h.RunDaemon(new ListLogger(), "2026-10-22T12:00:00Z");

        h.Clock.AdvanceTo(At("2026-10-24T12:00:00Z"));
        var pass = h.RunDue(new ListLogger());

        pass.Outcome.ShouldBe(RunOutcome.Succeeded);
        var late = h.Launcher.Calls[^1].Request.Window;
        late.Start.ShouldBe(At("2026-10-24T00:30:00Z"));
        late.Late.ShouldBeTrue();
        late.Deadline.ShouldBe(At("2026-10-24T15:00:00Z"));
        h.State.Missed.ShouldBe([At("2026-10-23T00:30:00Z")]);
        h.State.LastRun!.Late.ShouldBeTrue();
    }

    [Test]
    public void ARunWhoseProcessDiedIsResumedBeforeItsDeadlineAndItsStaleLockReported()
    {
        using var h = new SchedulerHarness("2026-10-21T12:00:00Z");
        h.RunDaemon(new ListLogger(), "2026-10-21T23:00:00Z", pid: 1001);
        var dead = h.Processes.Process(999);
        var crashed = DeterministicRunner.Run(h.Clock, () => new RunLockFile(LocalFileStore.Instance, h.Store.Folder, "nightly", h.Processes, h.Clock).TryAcquireAsync(dead, CancellationToken.None));
        crashed.Acquired.ShouldBeTrue();
        h.Store.Write(h.State with
        {
            InstallCursor = At("2026-10-22T00:30:00Z"),
            LastRun = new RunRecord
            {
                Window = At("2026-10-22T00:30:00Z"),
                Deadline = At("2026-10-22T03:30:00Z"),
                EngineStarted = At("2026-10-22T00:30:00Z"),
                Outcome = RunOutcome.Running,
                Holder = crashed.Lease!.Holder.Describe(),
            },
        });
        h.Processes.Alive.Remove(999);
        h.Clock.AdvanceTo(At("2026-10-22T01:00:00Z"));
        var log = new ListLogger();

        var pass = h.RunDue(log);

        pass.Outcome.ShouldBe(RunOutcome.Succeeded);
        var resumed = h.Launcher.Calls.ShouldHaveSingleItem().Request;
        resumed.Resume.ShouldBeTrue();
        resumed.Window.Deadline.ShouldBe(At("2026-10-22T03:30:00Z"));
        log.Lines.ShouldContain(l => l.StartsWith("Warning: Schedule nightly: stale run lock of PID 999 on mgmt-1 (cdt daemon, since 2026-10-21T23:00:00+00:00) taken over", StringComparison.Ordinal));
        File.Exists(Path.Combine(h.Store.Folder, "nightly.lock")).ShouldBeFalse();
    }

    [Test]
    public void AWindowInterruptedBeforeTheEngineStartedStartsAFreshRunNotAResume()
    {
        using var h = new SchedulerHarness("2026-10-21T12:00:00Z");
        h.RunDaemon(new ListLogger(), "2026-10-21T23:00:00Z");
        h.Store.Write(h.State with
        {
            InstallCursor = At("2026-10-22T00:30:00Z"),
            LastRun = new RunRecord { Window = At("2026-10-22T00:30:00Z"), Deadline = At("2026-10-22T03:30:00Z"), Outcome = RunOutcome.Running, Holder = "PID 999 on mgmt-1" },
        });
        h.Clock.AdvanceTo(At("2026-10-22T00:40:00Z"));

        h.RunDue(new ListLogger()).Outcome.ShouldBe(RunOutcome.Succeeded);

        h.Launcher.Calls.ShouldHaveSingleItem().Request.Resume.ShouldBeFalse();
    }

    [Test]
    public void ARunInterruptedPastItsDeadlineSetsTheUpdateLock()
    {
        using var h = new SchedulerHarness("2026-10-21T12:00:00Z");
        h.RunDaemon(new ListLogger(), "2026-10-21T23:00:00Z");
        h.Store.Write(h.State with
        {
            InstallCursor = At("2026-10-22T00:30:00Z"),
            LastRun = new RunRecord { Window = At("2026-10-22T00:30:00Z"), Deadline = At("2026-10-22T03:30:00Z"), Outcome = RunOutcome.Running, Holder = "PID 999 on mgmt-1" },
        });
        h.Clock.AdvanceTo(At("2026-10-22T09:00:00Z"));

        h.RunDue(new ListLogger()).Outcome.ShouldBe(RunOutcome.Interrupted);

        h.Launcher.Calls.ShouldBeEmpty();
        h.State.UpdateLock!.Reason.ShouldContain("was interrupted and its window closed before it could resume");
    }

    [Test]
    public void TwoDaemonsRacingForOneScheduleRunEachWindowOnce()
    {
        using var h = new SchedulerHarness("2026-10-21T12:00:00Z");
        var first = new ListLogger();
        var second = new ListLogger();

        DeterministicRunner.Run(h.Clock, () => Task.WhenAll(
            h.DaemonUntil(first, "2026-10-24T12:00:00Z", pid: 1001),
            h.DaemonUntil(second, "2026-10-24T12:00:00Z", pid: 1002)));

        h.Launcher.Calls.Select(c => c.At).ShouldBe(WeekOfWindows.Take(3));
        h.Fleet.Attempts.Values.ShouldAllBe(n => n == 3);
        second.Lines.Where(l => l.Contains("due work waits", StringComparison.Ordinal)).ShouldNotBeEmpty();
        second.Lines.ShouldContain(l => l.Contains("is held by PID 1001 on mgmt-1 (cdt daemon, since ", StringComparison.Ordinal));
    }

    [Test]
    public void TheUpdateLockBlocksTheNextWindowsUntilUnlockReleasesIt()
    {
        using var h = new SchedulerHarness("2026-10-21T12:00:00Z");
        h.Launcher.Then(RunOutcome.SomeFailed);
        var log = new ListLogger();

        DeterministicRunner.Run(h.Clock, () => Task.WhenAll(
            h.DaemonUntil(log, "2026-10-26T12:00:00Z"),
            UnlockAtAsync(h, "2026-10-24T09:00:00Z")));

        h.Launcher.Calls.Select(c => c.At).ShouldBe([WeekOfWindows[0], WeekOfWindows[3], WeekOfWindows[4]]);
        log.Lines.ShouldContain(l => l.StartsWith("Error: Schedule nightly: install window 2026-10-23T02:30:00+02:00 Europe/Paris (2026-10-23T00:30:00+00:00) skipped: the update lock is set", StringComparison.Ordinal));
        h.State.UpdateLock.ShouldBeNull();
        h.State.LastUnlock!.By.ShouldBe("alice");
        h.State.LastUnlock.At.ShouldBe(At("2026-10-24T09:00:00Z"));
        h.State.LastUnlock.LockReason.ShouldContain("failed (some targets failed: installed 1, failed 1, pending 1; gw-b: install failed)");
    }

    private static async Task UnlockAtAsync(SchedulerHarness h, string when)
    {
        await Task.Delay(At(when) - h.Clock.GetUtcNow(), h.Clock);
        var results = await UpdateLocks.UnlockAsync(h.Ports(new ListLogger(), 4242, "cdt unlock"), [h.Schedule], "alice", CancellationToken.None);
        results.ShouldHaveSingleItem().Removed.ShouldNotBeNull();
    }

    private static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture);
}
