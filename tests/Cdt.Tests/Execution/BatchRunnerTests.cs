using Cdt.Execution;
using Cdt.Tests.Support;
using NUnit.Framework;
using Shouldly;

namespace Cdt.Tests.Execution;

public class BatchRunnerTests
{
    [Test]
    public void MaxParallelIsNeverExceededAndBatchesRunInOrder()
    {
        using var h = new EngineHarness(Fleets.Standalone(12) + Fleets.Clusters(Fleets.HaTriple, Fleets.Vrrp), "max_parallel: 4\n");
        h.Generate(("gw01", "1"), ("gw02", "1"), ("gw03", "1"), ("gw04", "1"), ("gw05", "1"), ("cl-b", "2"), ("gw06", "2"), ("gw07", "2"), ("gw08", "3"), ("vr", "3"), ("gw09", "3"), ("gw10", "3"), ("gw11", "10"), ("gw12", "10"));
        var watch = Watch(h);

        var outcome = h.Execute();

        outcome.Run.Succeeded.ShouldBe(17);
        watch.MaxSlotsInUse.ShouldBe(4);
        watch.OrderViolations.ShouldBeEmpty();
        watch.Events.Where(e => e.Event == RunEvents.BatchStarted).Select(e => e.Batch).ShouldBe([1, 2, 3, 10]);
    }

    [Test]
    public void AClusterBiggerThanMaxParallelRunsAlone()
    {
        using var h = new EngineHarness(Fleets.Standalone(2) + Fleets.Clusters(Fleets.HaTriple), "max_parallel: 2\n");
        h.Generate();
        var watch = Watch(h);

        h.Execute().Run.Succeeded.ShouldBe(5);

        watch.MaxSlotsInUse.ShouldBe(3);
        var clusterStart = watch.Events.FindIndex(e => e.Event == RunEvents.UnitStarted && e.Unit == "cl-b");
        var clusterEnd = watch.Events.FindIndex(e => e.Event == RunEvents.UnitFinished && e.Unit == "cl-b");
        watch.Events.Skip(clusterStart + 1).Take(clusterEnd - clusterStart).ShouldNotContain(e => e.Event == RunEvents.UnitStarted);
    }

    [Test]
    public void NoBatchStartsAtTheDeadlineAndTheBatchInFlightFinishes()
    {
        // Each batch takes 20m install + waiting out the 5m expected reboot + 6m reboot...: batch 1 ends after 01:00.
        using var h = new EngineHarness(Fleets.Standalone(3));
        h.Generate(("gw01", "1"), ("gw02", "2"), ("gw03", "3"));
        var first = RunUntil(h, "gw01");
        var deadline = first;

        var outcome = h.Execute(deadline: deadline);

        outcome.Run.Stop.ShouldBe(RunStop.Deadline);
        outcome.Run.Succeeded.ShouldBe(1);
        outcome.Run.NotStarted.ShouldBe(2);
        Cdt.Cli.ExecuteCommand.ExitCodeOf(outcome.Run).ShouldBe(Cdt.Cli.ExitCodes.Deadline);
        File.ReadAllText(outcome.ResultsPath).ShouldContain("not started: deadline");
    }

    [Test]
    public void ABatchStartsWhenTheDeadlineIsOneSecondAway()
    {
        using var h = new EngineHarness(Fleets.Standalone(2));
        h.Generate(("gw01", "1"), ("gw02", "2"));
        var batch1End = RunUntil(h, "gw01");

        var outcome = h.Execute(deadline: batch1End + TimeSpan.FromSeconds(1));

        outcome.Run.Succeeded.ShouldBe(2);
        outcome.Run.Stop.ShouldBe(RunStop.Completed);
        h.Clock.GetUtcNow().ShouldBeGreaterThan(batch1End + TimeSpan.FromSeconds(1));
    }

    [Test]
    public void APastDeadlineStartsNothing()
    {
        using var h = new EngineHarness(Fleets.Standalone(2));
        h.Generate();

        var outcome = h.Execute(deadline: h.Clock.GetUtcNow());

        outcome.Run.NotStarted.ShouldBe(2);
        h.World.CommandLog.ShouldBeEmpty();
    }

    [Test]
    public void PredictPolicyDoesNotStartABatchThatWouldEndAfterTheDeadline()
    {
        using var h = new EngineHarness(Fleets.Standalone(2), "deadline_policy: predict\nestimate: 45m\n");
        h.Generate(("gw01", "1"), ("gw02", "2"));
        var deadline = h.Clock.GetUtcNow() + TimeSpan.FromMinutes(60);

        var outcome = h.Execute(deadline: deadline);

        outcome.Run.Succeeded.ShouldBe(1);
        outcome.Run.Stop.ShouldBe(RunStop.Deadline);
        outcome.Run.StopMessage!.ShouldStartWith("deadline: predicted to end at");
        var journal = File.ReadAllText(outcome.JournalPath);
        journal.ShouldContain("batch 1 estimated at 45m");
        journal.ShouldContain("not starting, it would end after the deadline");
    }

    [TestCase(1, 1)]
    [TestCase(2, 2)]
    [TestCase(3, 3)]
    public void StopAfterTheNthFailureStartsNothingNewAfterIt(int n, int expectedFailures)
    {
        // Six failing gateways in one batch, one at a time: exactly n fail, the rest never start.
        using var h = new EngineHarness(Fleets.Standalone(6, simulation: "{ faults: [verify_refuses] }"), $"max_parallel: 1\nstop_after_failures: {n}\n");
        h.Generate();

        var outcome = h.Execute();

        outcome.Run.Failed.ShouldBe(expectedFailures);
        outcome.Run.NotStarted.ShouldBe(6 - expectedFailures);
        outcome.Run.Stop.ShouldBe(RunStop.Threshold);
        outcome.Run.StopMessage.ShouldBe($"stop_after_failures: {n} target{(n == 1 ? string.Empty : "s")} failed");
    }

    [Test]
    public void AShareOfTheRunsTargetsStopsAtTheFailureItRoundsUpTo()
    {
        // 15% of 10 targets is 1.5: the run stops at the 2nd failure.
        using var h = new EngineHarness(Fleets.Standalone(10, simulation: "{ faults: [verify_refuses] }"), "max_parallel: 1\nstop_after_failures: 15%\n");
        h.Generate();

        var outcome = h.Execute();

        outcome.Run.Failed.ShouldBe(2);
        outcome.Run.NotStarted.ShouldBe(8);
        outcome.Run.Stop.ShouldBe(RunStop.Threshold);
        outcome.Run.StopMessage.ShouldBe("stop_after_failures: 2 targets failed (15% of 10 targets = 2)");
    }

    [Test]
    public void AShareOfABatchsTargetsStopsThatBatch()
    {
        // 20% of a batch of 6 is 1.2: the batch starts nothing new after its 2nd failure.
        using var h = new EngineHarness(Fleets.Standalone(6, simulation: "{ faults: [verify_refuses] }"), "max_parallel: 1\nbatch_stop_after_failures: 20%\n");
        h.Generate();

        var outcome = h.Execute();

        outcome.Run.Failed.ShouldBe(2);
        outcome.Run.NotStarted.ShouldBe(4);
        outcome.Run.StopMessage.ShouldBe("batch_stop_after_failures: 2 targets of batch 1 failed (20% of 6 targets = 2)");
    }

    [Test]
    public void FailuresInFlightCountTowardsTheThreshold()
    {
        // While a slow install runs, two others fail one after the other: the threshold of 2 is reached
        // with work in flight; nothing new starts, and the slow one still finishes.
        var fleet = "gateways:\n  - { name: slow, ip: 10.9.0.1, version: R81.20, simulation: { install: 2h } }\n"
            + Fleets.Standalone(2, "bad", "{ faults: [verify_refuses] }")["gateways:\n".Length..]
            + "  - { name: late, ip: 10.9.0.2, version: R81.20 }\n";
        using var h = new EngineHarness(fleet, "max_parallel: 2\nstop_after_failures: 2\n");
        h.Generate();

        var outcome = h.Execute();

        outcome.Run.Failed.ShouldBe(2);
        outcome.Run.Succeeded.ShouldBe(1);
        h.World.CommandLog.ShouldNotContain(c => c.StartsWith("late:", StringComparison.Ordinal));
    }

    [Test]
    public void ByDefaultNoBatchStartsAfterABatchWithAFailure()
    {
        using var h = new EngineHarness(Fleets.Standalone(2, "bad", "{ faults: [install_fails] }") + "  - { name: next, ip: 10.9.0.3, version: R81.20 }\n");
        h.Generate(("bad01", "1"), ("bad02", "1"), ("next", "2"));

        var outcome = h.Execute();

        outcome.Run.Failed.ShouldBe(2);
        outcome.Run.Stop.ShouldBe(RunStop.Threshold);
        outcome.Run.StopMessage.ShouldBe("batch 1 had 2 failed targets (continue_after_failed_batch: false)");
        Cdt.Cli.ExecuteCommand.ExitCodeOf(outcome.Run).ShouldBe(Cdt.Cli.ExitCodes.Threshold);
    }

    [Test]
    public void UnreachableTargetsAreFailuresNotSkips()
    {
        using var h = new EngineHarness(Fleets.Standalone(1) + "  - { name: gone, ip: 10.9.0.9, version: R81.20 }\n");
        h.Generate();
        h.World.Gateways["gone"].Faults.Add(Cdt.Fleet.Fault.Unreachable);

        var outcome = h.Execute();

        outcome.Run.Failed.ShouldBe(1);
        File.ReadAllText(outcome.ResultsPath).ShouldContain("gone,,10.9.0.9,R81.20,,1,failed");
    }

    [Test]
    public void SoftStopLetsRunningTargetsFinishAndStartsNothingNew()
    {
        using var h = new EngineHarness(Fleets.Standalone(3), "max_parallel: 1\n");
        h.Generate();
        using var control = new RunControl();
        var watch = Watch(h);
        watch.OnIndex = _ =>
        {
            if (watch.Events[^1] is { Event: RunEvents.StepStarted, Step: "install", Target: "gw01" })
            {
                control.RequestStop();
            }
        };

        var outcome = h.Execute(control: control);

        outcome.Run.Stop.ShouldBe(RunStop.Cancelled);
        outcome.Run.Succeeded.ShouldBe(1);
        outcome.Run.NotStarted.ShouldBe(2);
        h.World.Gateways["gw01"].InstallCount["Hotfix T92"].ShouldBe(1);
    }

    private static RecordingObserver Watch(EngineHarness h)
    {
        var watch = new RecordingObserver(unit => h.Inventory.FindCluster(unit)?.Members.Count ?? 1);
        h.Observers.Add(watch);
        return watch;
    }

    /// <summary>How long batch 1 (one target) takes on a copy of the run, to place deadlines exactly.</summary>
    private static DateTimeOffset RunUntil(EngineHarness h, string target)
    {
        using var probe = new EngineHarness(Fleets.Standalone(1));
        probe.Generate();
        var outcome = probe.Execute();
        outcome.Run.Succeeded.ShouldBe(1);
        var elapsed = probe.Clock.GetUtcNow() - DateTimeOffset.Parse("2026-11-22T01:00:00+00:00", System.Globalization.CultureInfo.InvariantCulture);
        _ = target;
        return h.Clock.GetUtcNow() + elapsed;
    }
}
