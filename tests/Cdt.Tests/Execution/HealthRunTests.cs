using Cdt.Config;
using Cdt.Execution;
using Cdt.Fleet;
using Cdt.Host;
using Cdt.Tests.Support;
using NUnit.Framework;
using Shouldly;

namespace Cdt.Tests.Execution;

/// <summary>Health snapshots, regressions and soaks in whole runs on the simulated fleet (manual clock).</summary>
public class HealthRunTests
{
    private static EngineHarness With(string fleet, RegressionPolicy policy = RegressionPolicy.Fail, string execute = "")
    {
        var h = new EngineHarness(fleet, execute);
        h.WithConfig(c => c with { Health = new HealthSettings { Enabled = true, OnRegression = policy } });
        return h;
    }

    private static List<RunEvent> Findings(ExecuteOutcome o) =>
        RunJournal.Read(LocalFileStore.Instance, o.JournalPath).Where(e => e.Event == RunEvents.HealthFinding).ToList();

    private static string Message(ExecuteOutcome o, string target) =>
        RunJournal.Read(LocalFileStore.Instance, o.JournalPath).Last(e => e.Event == RunEvents.TargetFinished && e.Target == target).Message!;

    private static string Status(ExecuteOutcome o, string target) =>
        RunJournal.Read(LocalFileStore.Instance, o.JournalPath).Last(e => e.Event == RunEvents.TargetFinished && e.Target == target).Status!;

    [Test]
    public void AHealthyInstallHasNoFindingAndKeepsBothSnapshotsInTheRunFolder()
    {
        using var h = With(Fleets.Standalone(1));
        h.Generate();

        var outcome = h.Execute();

        outcome.Run.Succeeded.ShouldBe(1);
        Findings(outcome).ShouldBeEmpty();
        var before = File.ReadAllText(Path.Combine(outcome.RunFolder, "health", "gw01.before.json"));
        before.ShouldContain("\"name\": \"Standard\"");
        File.Exists(Path.Combine(outcome.RunFolder, "health", "gw01.after.json")).ShouldBeTrue();
        h.World.CommandLog.Count(c => c.StartsWith("gw01: echo cdt-health:cluster; cphaprob state;", StringComparison.Ordinal)).ShouldBe(2);
    }

    [Test]
    public void HealthOffTakesNoSnapshot()
    {
        using var h = new EngineHarness(Fleets.Standalone(1));
        h.Generate();

        h.Execute().Run.Succeeded.ShouldBe(1);

        h.World.CommandLog.ShouldNotContain(c => c.Contains("cdt-health", StringComparison.Ordinal));
    }

    [TestCase("policy_not_back", "policy: before Standard (installed Tue Nov 17 22:04:11 2026), after InitialPolicy (installed Tue Nov 17 22:04:11 2026)")]
    [TestCase("interface_down", "interface eth2: before up, after down")]
    [TestCase("process_not_started", "process FWD: before running (E), after not running (T)")]
    [TestCase("routes_lost", "routes: before 42 routes, after 7 routes (-83.3%, tolerance 5%)")]
    public void EachSimulatedFaultIsFoundAfterTheInstallAndFailsTheTarget(string fault, string finding)
    {
        using var h = With(Fleets.Standalone(1, simulation: "{ faults: [" + fault + "] }"));
        h.Generate();

        var outcome = h.Execute();

        outcome.Run.Failed.ShouldBe(1);
        Findings(outcome).Select(f => f.Message).ShouldBe([finding]);
        Message(outcome, "gw01").ShouldBe("health_after: health regression: " + finding);
        File.ReadAllText(outcome.ResultsPath).ShouldContain("health regression");
        File.Exists(Path.Combine(outcome.RunFolder, "health", "gw01.after.findings.json")).ShouldBeTrue();
    }

    [Test]
    public void WarnRecordsTheFindingAndTheTargetSucceeds()
    {
        using var h = With(Fleets.Standalone(1, simulation: "{ faults: [policy_not_back] }"), RegressionPolicy.Warn);
        h.Generate();

        var outcome = h.Execute();

        outcome.Run.Succeeded.ShouldBe(1);
        Findings(outcome).Count.ShouldBe(1);
        Message(outcome, "gw01").ShouldContain("warnings: health_after (not critical): health regression: policy");
    }

    [Test]
    public void ARegressionOnAStandbyStopsTheClusterBeforeTheFailover()
    {
        using var h = With(Fleets.Clusters(Fleets.HaPair.Replace("state: standby }", "state: standby, simulation: { faults: [process_not_started] } }", StringComparison.Ordinal)));
        h.Generate();

        var outcome = h.Execute();

        h.Installs().ShouldBe(["cl-a-m2"]);
        h.World.CommandLog.ShouldNotContain(c => c.StartsWith("cl-a-m1: clusterXL_admin down", StringComparison.Ordinal));
        Status(outcome, "cl-a-m2").ShouldBe("failed");
        Status(outcome, "cl-a-m1").ShouldBe("not started");
        File.ReadAllText(outcome.SummaryPath).ShouldContain("the active member cl-a-m1 was not touched");
        h.World.Violations.ShouldBeEmpty();
    }

    [Test]
    public void WithWarnTheClusterGoesOnAfterAStandbyRegression()
    {
        using var h = With(Fleets.Clusters(Fleets.HaPair.Replace("state: standby }", "state: standby, simulation: { faults: [process_not_started] } }", StringComparison.Ordinal)), RegressionPolicy.Warn);
        h.Generate();

        var outcome = h.Execute();

        h.Installs().ShouldBe(["cl-a-m2", "cl-a-m1"]);
        outcome.Run.Succeeded.ShouldBe(2);
    }

    [Test]
    public void TheBatchSoakWaitsBeforeTheNextBatch()
    {
        using var h = With(Fleets.Standalone(2), execute: "soak: 10m\n");
        h.Generate(("gw02", "2"));

        var outcome = h.Execute();

        outcome.Run.Succeeded.ShouldBe(2);
        var journal = RunJournal.Read(LocalFileStore.Instance, outcome.JournalPath);
        var finished = DateTimeOffset.Parse(journal.First(e => e.Event == RunEvents.BatchFinished && e.Batch == 1).At, System.Globalization.CultureInfo.InvariantCulture);
        var next = DateTimeOffset.Parse(journal.First(e => e.Event == RunEvents.BatchStarted && e.Batch == 2).At, System.Globalization.CultureInfo.InvariantCulture);
        (next - finished).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromMinutes(10));
        journal.ShouldContain(e => e.Event == RunEvents.Note && e.Message!.StartsWith("batch 1: soak over after 20 re-check(s)", StringComparison.Ordinal));
    }

    [Test]
    public void AFaultDuringTheBatchSoakFailsTheTargetAndTheNextBatchDoesNotStart()
    {
        using var h = With(Fleets.Standalone(2), execute: "soak: 10m\n");
        h.Generate(("gw02", "2"));
        h.Observers.Add(new EventHook(e =>
        {
            if (e.Event == RunEvents.Note && e.Message!.StartsWith("batch 1: soaking", StringComparison.Ordinal))
            {
                h.World.Gateways["gw01"].Faults.Add(Fault.InterfaceDown);
            }
        }));

        var outcome = h.Execute();

        Status(outcome, "gw01").ShouldBe("failed");
        Message(outcome, "gw01").ShouldBe("during the batch 1 soak: health regression: interface eth2: before up, after down");
        outcome.Run.NotStarted.ShouldBe(1);
        h.Installs().ShouldBe(["gw01"]);
        Findings(outcome).Single().Step.ShouldBe("soak");
    }

    [Test]
    public void AFaultDuringTheClusterSoakLeavesTheFormerActiveUntouchedAndBackInTheCluster()
    {
        using var h = With(Fleets.Clusters(Fleets.HaPair));
        h.WithConfig(c => c with { Clusters = new ClusterSettings { Soak = TimeSpan.FromMinutes(5) } });
        h.Generate();
        h.Observers.Add(new EventHook(e =>
        {
            if (e.Event == RunEvents.Note && e.Message!.StartsWith("cluster cl-a: soaking", StringComparison.Ordinal))
            {
                h.World.Gateways["cl-a-m2"].Faults.Add(Fault.RoutesLost);
            }
        }));

        var outcome = h.Execute();

        h.Installs().ShouldBe(["cl-a-m2"]);
        var down = h.World.CommandLog.FindIndex(c => c.StartsWith("cl-a-m1: clusterXL_admin down", StringComparison.Ordinal));
        var up = h.World.CommandLog.FindIndex(c => c.StartsWith("cl-a-m1: clusterXL_admin up", StringComparison.Ordinal));
        down.ShouldBeGreaterThanOrEqualTo(0);
        up.ShouldBeGreaterThan(down);
        h.World.Gateways["cl-a-m1"].AdminDown.ShouldBeFalse();
        Status(outcome, "cl-a-m2").ShouldBe("failed");
        Status(outcome, "cl-a-m1").ShouldBe("not started");
        File.ReadAllText(outcome.SummaryPath).ShouldContain("regressed during the cluster soak, so the former active member cl-a-m1 was not touched");
    }

    [Test]
    public void TheSoakCountsAgainstTheDeadlineUnderPredict()
    {
        using var h = With(Fleets.Standalone(2), execute: "deadline_policy: predict\nestimate: 30m\nsoak: 1h\n");
        h.Generate(("gw02", "2"));

        var outcome = h.Execute(deadline: DateTimeOffset.Parse("2026-11-22T02:00:00+00:00", System.Globalization.CultureInfo.InvariantCulture));

        outcome.Run.Stop.ShouldBe(RunStop.Deadline);
        outcome.Run.Succeeded.ShouldBe(0);
        RunJournal.Read(LocalFileStore.Instance, outcome.JournalPath).ShouldContain(e => e.Event == RunEvents.Note && e.Message!.StartsWith("batch 1 estimated at 1h30m", StringComparison.Ordinal));
    }

    [Test]
    public void WithoutTheSoakTheSameBatchFitsBeforeTheDeadline()
    {
        using var h = With(Fleets.Standalone(2), execute: "deadline_policy: predict\nestimate: 30m\n");
        h.Generate(("gw02", "2"));

        var outcome = h.Execute(deadline: DateTimeOffset.Parse("2026-11-22T02:00:00+00:00", System.Globalization.CultureInfo.InvariantCulture));

        outcome.Run.Succeeded.ShouldBeGreaterThanOrEqualTo(1);
    }
}
