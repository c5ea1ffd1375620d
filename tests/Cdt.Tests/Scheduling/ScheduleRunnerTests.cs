using Cdt.Host;
using System.Globalization;
using Cdt.Locking;
using Cdt.Scheduling;
using Cdt.Tests.Support;
using NUnit.Framework;
using Shouldly;

namespace Cdt.Tests.Scheduling;

public class ScheduleRunnerTests
{
    private const string WithNotice = SchedulerHarness.Nightly + "\n    notice_minutes: 60\n    notice_command: wall maintenance at 02:30";

    [Test]
    public void DueWorkWaitsWhileALiveProcessHoldsTheRunLockAndNamesIt()
    {
        using var h = new SchedulerHarness("2026-11-20T12:00:00Z");
        h.RunDue(new ListLogger());
        var other = h.Processes.Process(2000, "cdt run-due");
        var held = DeterministicRunner.Run(h.Clock, () => new RunLockFile(LocalFileStore.Instance, h.Store.Folder, "nightly", h.Processes, h.Clock).TryAcquireAsync(other, CancellationToken.None));
        h.Clock.AdvanceTo(At("2026-11-21T01:31:00Z"));
        var log = new ListLogger();

        var pass = h.RunDue(log);

        pass.RefusedBy!.Pid.ShouldBe(2000);
        pass.Next!.At.ShouldBe(At("2026-11-21T01:32:00Z"));
        h.Launcher.Calls.ShouldBeEmpty();
        log.Lines.ShouldContain(l => l.StartsWith("Warning: Schedule nightly: due work waits: the schedule's run lock", StringComparison.Ordinal)
            && l.EndsWith("is held by PID 2000 on mgmt-1 (cdt run-due, since 2026-11-20T12:00:00+00:00)", StringComparison.Ordinal));

        held.Lease!.Dispose();
        h.RunDue(new ListLogger()).Outcome.ShouldBe(RunOutcome.Succeeded);
    }

    [Test]
    public void TheNoticeGoesToEveryTargetNoticeMinutesBeforeTheWindow()
    {
        using var h = new SchedulerHarness("2026-11-20T12:00:00Z", WithNotice);

        h.RunDaemon(new ListLogger(), "2026-11-21T12:00:00Z");

        h.Fleet.Notices.ShouldBe([("gw-a", At("2026-11-21T00:30:00Z")), ("gw-b", At("2026-11-21T00:30:00Z")), ("gw-c", At("2026-11-21T00:30:00Z"))], ignoreOrder: true);
        h.Launcher.Calls.ShouldHaveSingleItem().At.ShouldBe(At("2026-11-21T01:30:00Z"));
    }

    [Test]
    public void ANoticeGivenLateDelaysTheInstallByTheFullNotice()
    {
        using var h = new SchedulerHarness("2026-11-21T01:25:00Z", WithNotice);
        var log = new ListLogger();

        h.RunDaemon(log, "2026-11-21T12:00:00Z");

        h.Fleet.Notices.Select(n => n.At).Distinct().ShouldBe([At("2026-11-21T01:25:00Z")]);
        h.Launcher.Calls.ShouldHaveSingleItem().At.ShouldBe(At("2026-11-21T02:25:00Z"));
        log.Lines.ShouldContain("Information: Schedule nightly: the notice went out late: waiting 55m before any install so it is given in full");
    }

    [Test]
    public void AStartAndAnEndMailGoOutForARunAndAFailureMailWhenItFails()
    {
        using var h = new SchedulerHarness("2026-11-20T12:00:00Z");
        h.Launcher.Then(RunOutcome.SomeFailed);

        h.RunDaemon(new ListLogger(), "2026-11-21T12:00:00Z");

        h.Mail.Sent.Select(m => m.Subject).ShouldBe([
            "[cdt] nightly: install window started",
            "[cdt] nightly: install window some targets failed",
            "[cdt] nightly: FAILED, update lock set",
        ]);
        h.Mail.Sent.ShouldAllBe(m => m.To.Count == 1 && m.To[0] == "ops@example.test");
        h.Mail.Sent[2].Body.ShouldContain("cdt unlock --schedule nightly");
    }

    [Test]
    public void AMailThatCannotBeSentIsLoggedAndChangesNothing()
    {
        using var h = new SchedulerHarness("2026-11-20T12:00:00Z");
        h.Mail.Down = true;
        var log = new ListLogger();

        h.RunDaemon(log, "2026-11-21T12:00:00Z");

        h.State.LastRun!.Outcome.ShouldBe(RunOutcome.Succeeded);
        h.State.UpdateLock.ShouldBeNull();
        log.Lines.ShouldContain("Warning: Schedule nightly: the start mail could not be sent (connect to 127.0.0.1:25: Connection refused); the run goes on");
        log.Lines.ShouldContain("Warning: Schedule nightly: the end mail could not be sent (connect to 127.0.0.1:25: Connection refused); the run goes on");
    }

    [Test]
    public void OnlyTheMomentsTheScheduleAsksForSendMail()
    {
        using var h = new SchedulerHarness("2026-11-20T12:00:00Z", SchedulerHarness.Nightly.Replace("mail: { to: [ops@example.test] }", "mail: { to: [ops@example.test], on: [failure] }", StringComparison.Ordinal));

        h.RunDaemon(new ListLogger(), "2026-11-21T12:00:00Z");

        h.Launcher.Calls.ShouldHaveSingleItem();
        h.Mail.Sent.ShouldBeEmpty();
    }

    [Test]
    public void AListThatCannotBeReadIsBadInputAndLocksTheSchedule()
    {
        using var h = new SchedulerHarness("2026-11-20T12:00:00Z");
        h.Fleet.Error = "list.csv: candidates list not found: run 'cdt generate' first, or check the path";

        h.RunDaemon(new ListLogger(), "2026-11-21T12:00:00Z");

        h.Launcher.Calls.ShouldBeEmpty();
        h.State.LastPreparation!.Outcome.ShouldBe("error");
        h.State.LastRun!.Outcome.ShouldBe(RunOutcome.BadInput);
        h.State.UpdateLock!.Reason.ShouldContain("candidates list not found");
    }

    [Test]
    public void AnUnreadableStateFileIsReportedAndLeftAlone()
    {
        using var h = new SchedulerHarness("2026-11-20T12:00:00Z");
        Directory.CreateDirectory(h.Store.Folder);
        File.WriteAllText(h.Store.PathFor("nightly"), "{ not json");

        var pass = h.RunDue(new ListLogger());

        pass.Error.ShouldNotBeNull().ShouldContain("nightly.json: unreadable");
        File.ReadAllText(h.Store.PathFor("nightly")).ShouldBe("{ not json");
    }

    [Test]
    public void TheStateFileReadsBackExactlyWhatWasWritten()
    {
        using var h = new SchedulerHarness("2026-11-20T12:00:00Z");
        h.Fleet.FailuresLeft["gw-b"] = 25;
        h.RunDaemon(new ListLogger(), "2026-11-21T12:00:00Z");
        var written = h.State;

        var text = File.ReadAllText(h.Store.PathFor("nightly"));

        text.ShouldContain("\"outcome\": \"DownloadFailed\"");
        text.ShouldContain("\"install_cursor\": \"2026-11-21T01:30:00+00:00\"");
        new ScheduleStateStore(LocalFileStore.Instance, h.Store.Folder).Read("nightly").State.ShouldBeEquivalentTo(written);
    }

    private static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture);
}
