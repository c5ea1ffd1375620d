using System.Globalization;
using Cdt.Host;
using Cdt.Scheduling;
using Cdt.Tests.Support;
using NUnit.Framework;
using Shouldly;

namespace Cdt.Tests.Scheduling;

/// <summary>
/// A scheduled run with an approval gate, from the command line: <c>cdt run-due</c> stops it after
/// batch 1, <c>cdt status</c> and <c>cdt check</c> say it waits, and <c>cdt approve</c> continues
/// it and gives its schedule the outcome.
/// </summary>
public class ScheduledApprovalTests
{
    private const string Package = "config/packages/Check_Point_R81_20_JUMBO_HF_MAIN_Bundle_T92_FULL.tgz";

    [Test]
    public void AScheduledRunWaitsAtItsGateShowsWaitingAndIsContinuedByApprove()
    {
        var (temp, clock, store) = Gated();
        using var cleanup = temp;

        var due = SchedulingCli.Run(temp.Path, clock, "run-due");

        due.ExitCode.ShouldBe(8, due.Out + due.Error);
        due.Out.ShouldContain("demo: install window waiting for approval");
        var waiting = store.Read("demo").State!;
        (waiting.LastRun!.Outcome, waiting.LastRun.Installed, waiting.UpdateLock).ShouldBe((RunOutcome.AwaitingApproval, 1, null));
        var status = SchedulingCli.Run(temp.Path, clock, "status");
        status.Out.ShouldContain("waiting for approval after batch 1");
        status.Out.ShouldContain("approve with: cdt approve " + temp.File("demo.csv"));
        var check = SchedulingCli.Run(temp.Path, clock, "check");
        check.ExitCode.ShouldBe(1);
        check.Out.ShouldStartWith($"CDT WARNING - demo: run waiting for approval after batch 1 (cdt approve {temp.File("demo.csv")}), 32 pending |");

        clock.Advance(TimeSpan.FromMinutes(10));
        var approve = SchedulingCli.Run(temp.Path, clock, "approve", "demo.csv", "--note", "canary checked");

        approve.ExitCode.ShouldBe(0, approve.Out + approve.Error);
        approve.Out.ShouldStartWith("33 succeeded, 0 failed, 0 not started");
        var done = store.Read("demo").State!.LastRun!;
        (done.Outcome, done.Installed, done.Pending).ShouldBe((RunOutcome.Succeeded, 33, 0));
        done.Finished.ShouldNotBeNull().ShouldBeGreaterThanOrEqualTo(At("2026-11-21T02:10:00Z"));
        File.ReadAllText(Path.Combine(done.ReportPath!, "journal.jsonl")).ShouldContain("\"event\":\"approved\",\"batch\":1,\"user\":\"alice\",\"note\":\"canary checked\"");
        SchedulingCli.Run(temp.Path, clock, "check").Out.ShouldStartWith("CDT OK - demo: last run succeeded");
    }

    [Test]
    public void WhileTheSchedulersRunLockIsHeldApproveFinishesTheRunAndSaysTheScheduleStillWaits()
    {
        var (temp, clock, store) = Gated();
        using var cleanup = temp;
        SchedulingCli.Run(temp.Path, clock, "run-due").ExitCode.ShouldBe(8);
        LockFiles.HeldByThisProcess(Path.Combine(store.Folder, "demo.lock"), "cdt daemon");

        var approve = SchedulingCli.Run(temp.Path, clock, "approve", "demo.csv");

        approve.ExitCode.ShouldBe(0, approve.Error);
        approve.Error.ShouldContain($"schedule 'demo': its state still says the run waits: its run lock is held by PID {Environment.ProcessId}");
        store.Read("demo").State!.LastRun!.Outcome.ShouldBe(RunOutcome.AwaitingApproval);
    }

    private static (TempFolder Temp, ManualClock Clock, ScheduleStateStore Store) Gated()
    {
        var temp = new TempFolder();
        temp.Write("cdt.conf", $$"""
            inventory: {{TestPaths.Repo("config/fleet.sample.yml")}}
            transport: simulator
            simulator: { time_scale: 3000 }
            package:
              path: {{TestPaths.Repo(Package)}}
              name: R81.20 Jumbo Hotfix Accumulator General Availability (Take 92)
              versions: [R81.20]
            execute: { approve_after: [1] }
            schedules:
              - name: demo
                candidates: demo.csv
                time_zone: Europe/Paris
                install: { cron: "0 0 3 * * *", duration: 8h }
            """);
        var clock = ManualClock.At("2026-11-21T02:00:00Z");
        SchedulingCli.Run(temp.Path, clock, "generate", "--candidates", "demo.csv").ExitCode.ShouldBe(0);
        var store = new ScheduleStateStore(LocalFileStore.Instance, Path.Combine(temp.Path, ".cdt-state"));

        return (temp, clock, store);
    }

    private static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture);
}
