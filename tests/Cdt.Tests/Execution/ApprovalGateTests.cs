using Cdt.Diagnostics;
using Cdt.Execution;
using Cdt.Tests.Support;
using NUnit.Framework;
using Shouldly;

namespace Cdt.Tests.Execution;

public class ApprovalGateTests
{
    private static readonly (string, string)[] ThreeBatches = [("gw01", "1"), ("gw02", "2"), ("gw03", "3")];

    [Test]
    public void AGateAfterBatchOneStopsTheRunBeforeAnythingOfBatchTwoStarts()
    {
        using var h = Gated("approve_after: [1]");

        var paused = h.Execute();

        paused.Run.Stop.ShouldBe(RunStop.AwaitingApproval);
        paused.Run.StopMessage.ShouldBe("waiting for approval after batch 1");
        paused.Run.Succeeded.ShouldBe(1);
        paused.Run.NotStarted.ShouldBe(2);
        h.Installs().ShouldBe(["gw01"]);
        var journal = Journal(paused);
        journal.ShouldContain(e => e.Event == RunEvents.ApprovalWait && e.Batch == 1);
        journal.ShouldNotContain(e => e.Event == RunEvents.BatchStarted && e.Batch == 2);
        journal.ShouldNotContain(e => e.Event == RunEvents.BatchNotStarted);
        journal[^1].ShouldSatisfyAllConditions(e => e.Event.ShouldBe(RunEvents.RunFinished), e => e.Status.ShouldBe("waiting"));
    }

    [Test]
    public void AWaitingRunSaysSoInItsResultsSummaryStatusAndReport()
    {
        using var h = Gated("approve_after: [1]");

        var paused = h.Execute();

        File.ReadAllLines(paused.ResultsPath).Single(l => l.StartsWith("gw02,", StringComparison.Ordinal)).ShouldContain(",waiting for approval,");
        File.ReadAllText(paused.SummaryPath).ShouldSatisfyAllConditions(
            s => s.ShouldContain("\"outcome\": \"waiting for approval\""),
            s => s.ShouldContain("\"waiting_for_approval_after\": 1"));
        File.ReadAllText(Path.Combine(paused.RunFolder, "CDT_status_brief.txt")).ShouldContain("waiting for approval after batch 1 (nothing more starts until 'cdt approve')");
        File.ReadAllText(Path.Combine(paused.RunFolder, "CDT_status.txt")).ShouldContain("batch 2: waiting for approval after batch 1");
        File.ReadAllText(paused.ReportPath).ShouldContain("waiting for approval after batch 1: nothing more starts until ");
    }

    [Test]
    public void AnApprovalIsJournaledWithWhoWhenAndTheNoteAndTheRunFinishesEveryTargetExactlyOnce()
    {
        using var h = Gated("approve_after: [1]");
        h.Execute();
        h.Clock.Advance(TimeSpan.FromMinutes(20));
        var approvedAt = h.Clock.GetUtcNow();

        var done = h.Approve("alice", "canary looks fine");

        done.Run.Stop.ShouldBe(RunStop.Completed);
        done.Run.Succeeded.ShouldBe(3);
        h.World.Gateways.Values.ShouldAllBe(g => g.InstallCount["Hotfix T92"] == 1);
        var approval = Journal(done).Single(e => e.Event == RunEvents.Approved);
        approval.Batch.ShouldBe(1);
        approval.User.ShouldBe("alice");
        approval.Note.ShouldBe("canary looks fine");
        DateTimeOffset.Parse(approval.At, System.Globalization.CultureInfo.InvariantCulture).ShouldBe(approvedAt);
        File.ReadAllText(done.SummaryPath).ShouldContain("\"user\": \"alice\"");
        File.ReadAllText(done.ReportPath).ShouldContain("approved by alice: the gate after batch 1 is open (note: canary looks fine)");
    }

    [Test]
    public void EachGateWaitsForItsOwnApproval()
    {
        using var h = Gated("approve_after: [1, 2]");

        h.Execute().Run.StopMessage.ShouldBe("waiting for approval after batch 1");
        h.Approve().Run.StopMessage.ShouldBe("waiting for approval after batch 2");
        h.Installs().ShouldBe(["gw01", "gw02"]);
        h.Approve().Run.Stop.ShouldBe(RunStop.Completed);
        h.Installs().ShouldBe(["gw01", "gw02", "gw03"]);
    }

    [Test]
    public void AnApprovalAfterTheDeadlineIsRecordedButStartsNothing()
    {
        using var h = Gated("approve_after: [1]");
        var deadline = h.Clock.GetUtcNow() + TimeSpan.FromHours(3);
        h.Execute(deadline: deadline);
        h.Clock.AdvanceTo(deadline + TimeSpan.FromMinutes(1));

        var late = h.Approve();

        late.Run.Stop.ShouldBe(RunStop.Deadline);
        late.Run.NotStarted.ShouldBe(2);
        h.Installs().ShouldBe(["gw01"]);
        Journal(late).ShouldContain(e => e.Event == RunEvents.Approved);
    }

    [Test]
    public void ApprovingARunThatIsNotWaitingIsRefusedAndJournalsNothing()
    {
        using var h = Gated(string.Empty);
        var done = h.Execute();
        var lines = File.ReadAllLines(done.JournalPath).Length;

        var e = Should.Throw<CdtInputException>(() => h.Approve());

        e.Message.ShouldContain("is not waiting for approval: it ended (completed); nothing to approve");
        File.ReadAllLines(done.JournalPath).Length.ShouldBe(lines);
    }

    [Test]
    public void APlainResumeOfAWaitingRunWaitsAgainAndStartsNothing()
    {
        using var h = Gated("approve_after: [1]");
        h.Execute();

        var resumed = h.Execute(resume: true);

        resumed.Run.Stop.ShouldBe(RunStop.AwaitingApproval);
        h.Installs().ShouldBe(["gw01"]);
    }

    [Test]
    public void PauseAfterBatchAddsAGateThatTheRunKeepsWhenItIsApproved()
    {
        using var h = Gated(string.Empty);

        h.Execute(change: r => r with { PauseAfterBatch = [1, 2] }).Run.StopMessage.ShouldBe("waiting for approval after batch 1");

        // The approval carries no --pause-after-batch: the run recorded its gates when it started.
        h.Approve().Run.StopMessage.ShouldBe("waiting for approval after batch 2");
        h.Installs().ShouldBe(["gw01", "gw02"]);
    }

    [Test]
    public void PauseAfterABatchTheListDoesNotHaveIsRefused()
    {
        using var h = Gated(string.Empty);

        var e = Should.Throw<CdtInputException>(() => h.Execute(change: r => r with { PauseAfterBatch = [7] }));

        e.Message.ShouldContain("--pause-after-batch: gate after batch 7: the list has no batch 7 (its batches: 1, 2, 3)");
        h.World.CommandLog.ShouldBeEmpty();
    }

    [Test]
    public void TheDryRunShowsWhereTheGatesAre()
    {
        using var h = Gated("approve_after: [2]");
        var service = new ExecutionService(Cdt.Cli.LocalPorts.Execution(_ => throw new InvalidOperationException("a dry run touches nothing"), h.Clock));
        var request = new ExecuteRequest { Config = h.Config, ListPath = h.ListPath, Steps = [], Package = h.Config.Package };

        var text = service.RenderDryRun(request, _ => { });

        text.ShouldContain("approval gates: after batch 2 (the run stops there until 'cdt approve'; the times below assume an approval at once)\n");
        text.ShouldContain("  -- gate: the run waits here for 'cdt approve' before batch 3 --\n");
        text.IndexOf("gate: the run waits", StringComparison.Ordinal).ShouldBeGreaterThan(text.IndexOf("batch 2:", StringComparison.Ordinal));
    }

    [Test]
    public void ANoteHasItsControlCharactersEscapedAndABoundedLength()
    {
        Approval.Of("alice", "ok\nrun_finished\u001b[2J").Note.ShouldBe("ok\\x0arun_finished\\x1b[2J");
        Approval.Of("bob\r\n", null).User.ShouldBe("bob\\x0d\\x0a");
        Approval.Of("alice", new string('x', Approval.MaxNoteLength)).Note!.Length.ShouldBe(Approval.MaxNoteLength);
        Should.Throw<CdtInputException>(() => Approval.Of("alice", new string('x', Approval.MaxNoteLength + 1))).Message.ShouldContain("write at most 500");
    }

    private static EngineHarness Gated(string executeYaml)
    {
        var h = new EngineHarness(Fleets.Standalone(3), executeYaml);
        h.Generate(ThreeBatches);
        return h;
    }

    private static IReadOnlyList<RunEvent> Journal(ExecuteOutcome outcome) => RunJournal.Read(Cdt.Host.LocalFileStore.Instance, outcome.JournalPath);
}
