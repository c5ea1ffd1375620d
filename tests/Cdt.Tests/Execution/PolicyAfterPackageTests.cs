using System.Text.Json;
using Cdt.Config;
using Cdt.Diagnostics;
using Cdt.Execution;
using Cdt.Execution.Policy;
using Cdt.Tests.Support;
using NUnit.Framework;
using Shouldly;

namespace Cdt.Tests.Execution;

/// <summary>
/// The policy installed after the package: once per unit (a cluster after its last member), never
/// for a unit that failed, a failed installation failing its unit, and a resume that installs it
/// exactly once whatever moment the kill came at; all on the manual clock.
/// </summary>
public class PolicyAfterPackageTests
{
    private const string Install = "install_policy: access+threat\n";

    [Test]
    public void EachStandaloneGatewayGetsThePolicyOnceAfterItsPackage()
    {
        using var h = Harness(Fleets.Standalone(2), out var policies);
        var events = Record(h);

        var outcome = h.Execute();

        outcome.Run.Succeeded.ShouldBe(2);
        policies.Starts.Order().ShouldBe(["gw01", "gw02"]);
        foreach (var gw in new[] { "gw01", "gw02" })
        {
            var succeeded = events.FindIndex(e => e is { Event: RunEvents.TargetFinished, Status: "succeeded" } && e.Target == gw);
            var started = events.FindIndex(e => e.Event == RunEvents.PolicyStarted && e.Unit == gw);
            var finished = events.FindIndex(e => e.Event == RunEvents.UnitFinished && e.Unit == gw);
            succeeded.ShouldBeLessThan(started, "the policy comes after the package");
            started.ShouldBeLessThan(finished, "the unit ends with its policy");
        }

        policies.Requests.ShouldAllBe(r => r.Policies == PolicyInstall.AccessThreat && r.Package == null && r.Targets.Count == 1 && r.Targets[0] == r.Unit);
        h.World.Gateways.Values.ShouldAllBe(g => g.InstallCount["Hotfix T92"] == 1);
        File.ReadAllText(outcome.ResultsPath).ShouldContain("; policy Standard installed (Access Control and Threat Prevention)");
        using var summary = JsonDocument.Parse(File.ReadAllText(outcome.SummaryPath));
        var unit = summary.RootElement.GetProperty("units")[0];
        unit.GetProperty("policy").GetProperty("status").GetString().ShouldBe("succeeded");
        unit.GetProperty("policy").GetProperty("package").GetString().ShouldBe("Standard");
        File.ReadAllText(outcome.ReportPath).ShouldContain("Policy installations");
    }

    [Test]
    public void AClusterGetsThePolicyOnceOnItsObjectAfterItsLastMember()
    {
        using var h = Harness(Fleets.Clusters(Fleets.HaPair), out var policies);
        var events = Record(h);

        h.Execute().Run.Succeeded.ShouldBe(2);

        policies.Starts.ShouldBe(["cl-a"]);
        policies.Requests.Single().Targets.ShouldBe(["cl-a"]);
        var lastMember = events.FindLastIndex(e => e is { Event: RunEvents.TargetFinished, Status: "succeeded" });
        var policy = events.FindIndex(e => e.Event == RunEvents.PolicyStarted);
        lastMember.ShouldBeLessThan(policy);
        events.Single(e => e.Event == RunEvents.UnitFinished).Message!.ShouldMatch("^upgraded; .*; policy Standard installed \\(Access Control and Threat Prevention\\)$");
        h.World.Violations.ShouldBeEmpty();
    }

    [Test]
    public void ASecurityGroupGetsThePolicyOnceOnItsObjectAfterBothGroups()
    {
        using var h = Harness(ProcedureFleets.Maestro, out var policies);
        var events = Record(h);

        h.Execute().Run.Succeeded.ShouldBe(4);

        policies.Requests.Single().Targets.ShouldBe(["sg-lyon"]);
        events.FindLastIndex(e => e is { Event: RunEvents.TargetFinished, Status: "succeeded" }).ShouldBeLessThan(events.FindIndex(e => e.Event == RunEvents.PolicyStarted));
        h.World.Violations.ShouldBeEmpty();
    }

    [Test]
    public void AUnitThatFailedGetsNoPolicy()
    {
        using var h = Harness(new FleetBuilder().Gateway("bad01", "10.0.0.2", "R81.20", "simulation: { faults: [verify_refuses] }").Gateway("gw01", "10.0.0.3", "R81.20").ToString(), out var policies);

        var outcome = h.Execute();

        outcome.Run.Failed.ShouldBe(1);
        outcome.Run.Succeeded.ShouldBe(1);
        policies.Starts.ShouldBe(["gw01"]);
    }

    [Test]
    public void AFailedPolicyInstallationFailsTheUnitAndSaysThePackageIsInstalled()
    {
        using var h = Harness(Fleets.Standalone(1, simulation: "{ faults: [policy_install_fails] }"), out var policies);

        var outcome = h.Execute();

        outcome.Run.Failed.ShouldBe(1);
        outcome.Run.Succeeded.ShouldBe(0);
        h.World.Gateways["gw01"].InstallCount["Hotfix T92"].ShouldBe(1);
        policies.Starts.ShouldBe(["gw01"]);
        var row = File.ReadAllLines(outcome.ResultsPath).Single(l => l.StartsWith("gw01,", StringComparison.Ordinal));
        row.ShouldContain(",failed,");
        row.ShouldContain("the package is installed but the policy is not: the installation of policy Standard failed: Policy installation failed on gw01 (simulated fault policy_install_fails)");
        using var summary = JsonDocument.Parse(File.ReadAllText(outcome.SummaryPath));
        summary.RootElement.GetProperty("outcome").GetString().ShouldBe("completed with failures");
        summary.RootElement.GetProperty("units")[0].GetProperty("policy").GetProperty("status").GetString().ShouldBe("failed");
        summary.RootElement.GetProperty("failures")[0].GetProperty("message").GetString()!.ShouldContain("the policy is not");
    }

    [Test]
    public void ARefusedInstallationOnAClusterFailsBothMembers()
    {
        using var h = Harness(Fleets.Clusters(Fleets.HaPair), out var policies);
        policies.Refusal = "management server https://127.0.0.1:443: install-policy: HTTP 409 (generic_err_object_locked: Object [cl-a] is locked)";

        var outcome = h.Execute();

        outcome.Run.Failed.ShouldBe(2);
        var rows = File.ReadAllLines(outcome.ResultsPath).Where(l => l.StartsWith("cl-a-m", StringComparison.Ordinal)).ToList();
        rows.Count.ShouldBe(2);
        rows.ShouldAllBe(r => r.Contains("the package is installed but the policy is not: management server https://127.0.0.1:443: install-policy: HTTP 409 (generic_err_object_locked", StringComparison.Ordinal));
        h.World.Gateways.Values.ShouldAllBe(g => g.InstallCount["Hotfix T92"] == 1, "the packages stay installed");
    }

    [Test]
    public void ABugWhileInstallingThePolicyFailsTheUnitAndStopsNewWork()
    {
        using var h = Harness(Fleets.Standalone(1), out var policies);
        policies.Breaks = true;

        var outcome = h.Execute();

        outcome.Run.Failed.ShouldBe(1);
        outcome.Run.Stop.ShouldBe(RunStop.Failure);
        File.ReadAllText(outcome.ResultsPath).ShouldContain("the package is installed but the policy is not: internal error: the installer broke");
    }

    [TestCase(RunEvents.UnitPhase, TestName = "AKillBetweenThePackageAndThePolicyIsFollowedByExactlyOneInstallation")]
    [TestCase(RunEvents.PolicyStarted, TestName = "AKillAsThePolicyStartsIsFollowedByExactlyOneInstallation")]
    [TestCase(RunEvents.PolicyTask, TestName = "AKillWhileThePolicyTaskRunsIsFollowedByWatchingThatTask")]
    public void AResumeInstallsThePolicyExactlyOnce(string killAt)
    {
        using var h = Harness(Fleets.Standalone(1) + Fleets.Clusters(Fleets.HaPair), out var policies);
        KillAt(h, e => e.Event == killAt && e.Unit == "cl-a" && (killAt != RunEvents.UnitPhase || e.Step == PolicyAfterPackage.PackageDone));
        var before = policies.Starts.Count;

        var resumed = h.Execute(resume: true);

        resumed.Run.Succeeded.ShouldBe(3);
        policies.Starts.Count(u => u == "cl-a").ShouldBe(1);
        policies.Starts.Count(u => u == "gw01").ShouldBe(1);
        (policies.Starts.Count - before).ShouldBe(killAt == RunEvents.PolicyTask ? 0 : 1, "a task already started is followed, not started again");
        h.World.Gateways.Values.ShouldAllBe(g => g.InstallCount["Hotfix T92"] == 1);
        h.World.Violations.ShouldBeEmpty();
    }

    [Test]
    public void KillingTheRunAtEveryEventThenResumingInstallsEachPolicyExactlyOnce()
    {
        int total;
        using (var full = Harness(Fleets.Standalone(1) + Fleets.Clusters(Fleets.HaPair), out _))
        {
            var events = Record(full);
            full.Execute().Run.Succeeded.ShouldBe(3);
            total = events.Count;
            events.Count(e => e.Event.StartsWith("policy_", StringComparison.Ordinal)).ShouldBe(6, "a kill lands on each policy event too");
        }

        total.ShouldBeGreaterThan(40);
        for (var k = 1; k < total; k++)
        {
            using var h = Harness(Fleets.Standalone(1) + Fleets.Clusters(Fleets.HaPair), out var policies);
            var at = 0;
            KillAt(h, _ => ++at == k);

            var resumed = h.Execute(resume: true);

            resumed.Run.Succeeded.ShouldBe(3, $"killed after event {k}");
            string.Join(",", policies.Starts.Order()).ShouldBe("cl-a,gw01", $"killed after event {k}");
            h.World.Gateways.Values.ShouldAllBe(g => g.InstallCount["Hotfix T92"] == 1, $"killed after event {k}");
        }
    }

    [Test]
    public void AResumeAfterThePolicyFinishedInstallsNothingMore()
    {
        using var h = Harness(Fleets.Standalone(1), out var policies);
        KillAt(h, e => e.Event == RunEvents.PolicyFinished);

        h.Execute(resume: true).Run.Succeeded.ShouldBe(1);

        policies.Starts.ShouldBe(["gw01"]);
    }

    [Test]
    public void ThePolicyBelongsToItsUnitAndIsInstalledPastTheDeadline()
    {
        using var h = Harness(Fleets.Standalone(1), out var policies);
        var deadline = h.Clock.GetUtcNow() + TimeSpan.FromMinutes(5);

        var outcome = h.Execute(deadline: deadline);

        outcome.Run.Succeeded.ShouldBe(1);
        policies.Starts.ShouldBe(["gw01"]);
        h.Clock.GetUtcNow().ShouldBeGreaterThan(deadline);
    }

    [Test]
    public void AResumePastTheDeadlineStillInstallsThePolicyOfAUnitThatStarted()
    {
        using var h = Harness(new FleetBuilder().Gateway("gw01", "10.0.0.2", "R81.20").Gateway("late01", "10.0.0.3", "R81.20").ToString(), out var policies);
        var deadline = h.Clock.GetUtcNow() + TimeSpan.FromHours(3);
        KillAt(h, e => e.Event == RunEvents.UnitPhase && e.Step == PolicyAfterPackage.PackageDone && e.Unit == "gw01", deadline, ("gw01", "1"), ("late01", "2"));
        h.Clock.AdvanceTo(deadline + TimeSpan.FromMinutes(1));

        var resumed = h.Execute(resume: true);

        resumed.Run.Succeeded.ShouldBe(1);
        resumed.Run.NotStarted.ShouldBe(1);
        resumed.Run.Stop.ShouldBe(RunStop.Deadline);
        policies.Starts.ShouldBe(["gw01"]);
    }

    [Test]
    public void TheDefaultIsSaidOnceInANote()
    {
        using var h = Harness(Fleets.Standalone(1), out _, install: string.Empty);
        h.WithExecute(e => e with { InstallPolicy = PolicyInstall.AccessThreat, InstallPolicyDefaulted = true });

        var outcome = h.Execute();

        var notes = File.ReadAllLines(outcome.JournalPath).Where(l => l.Contains("execute.install_policy is not set", StringComparison.Ordinal)).ToList();
        notes.Count.ShouldBe(1);
        notes[0].ShouldContain("the Access Control and Threat Prevention policy is installed on each unit after its package");
    }

    [Test]
    public void NoPolicyIsInstalledWithInstallPolicyNone()
    {
        using var h = Harness(Fleets.Standalone(1), out var policies, install: "install_policy: none\n");

        var outcome = h.Execute();

        outcome.Run.Succeeded.ShouldBe(1);
        policies.Starts.ShouldBeEmpty();
        File.ReadAllText(outcome.JournalPath).ShouldNotContain("policy_");
    }

    [Test]
    public void AnInstallerThatIsNotReadyStopsTheRunBeforeAnyGatewayIsTouched()
    {
        using var h = Harness(Fleets.Standalone(1), out var policies);
        policies.NotReady = "management server https://127.0.0.1:443: login: login refused, HTTP 401 (err_login_failed: Authentication to server failed.)";

        Should.Throw<CdtInputException>(() => h.Execute()).Message.ShouldBe(policies.NotReady);

        h.World.CommandLog.ShouldBeEmpty();
        Directory.Exists(Path.Combine(h.Folder, "logs")).ShouldBeFalse("no run folder, no journal");
    }

    [Test]
    public void ARunThatCannotInstallThePolicyIsRefusedBeforeItStarts()
    {
        using var h = Harness(Fleets.Standalone(1), out _);
        h.Policies = null;

        Should.Throw<CdtInputException>(() => h.Execute()).Message.ShouldContain("this run has no management server to install it through");
        h.World.CommandLog.ShouldBeEmpty();
    }

    private static EngineHarness Harness(string fleet, out CountingPolicyInstaller policies, string install = Install)
    {
        var h = new EngineHarness(fleet, install);
        var installer = new CountingPolicyInstaller(h.Clock);
        h.Policies = () => installer;
        policies = installer;
        h.Generate();
        return h;
    }

    private static List<RunEvent> Record(EngineHarness h)
    {
        var events = new List<RunEvent>();
        h.Observers.Add(new EventHook(events.Add));
        return events;
    }

    /// <summary>Kills the run at the first event <paramref name="at"/> matches and leaves the journal as a kill -9 there would: up to that event.</summary>
    private static void KillAt(EngineHarness h, Func<RunEvent, bool> at, DateTimeOffset? deadline = null, params (string Name, string Order)[] batches)
    {
        if (batches.Length > 0)
        {
            h.Generate(batches);
        }

        using var control = new RunControl();
        var seen = 0;
        int? killed = null;
        h.Observers.Add(new EventHook(e =>
        {
            seen++;
            if (killed is null && at(e))
            {
                killed = seen;
                control.Abort();
            }
        }));
        try
        {
            h.Execute(control: control, deadline: deadline);
        }
        catch (OperationCanceledException)
        {
        }

        h.Observers.Clear();
        killed.ShouldNotBeNull("the run never reached the moment to kill it at");
        var journal = Directory.GetFiles(Path.Combine(h.Folder, "logs"), ExecutionService.JournalName, SearchOption.AllDirectories).Single();
        File.WriteAllLines(journal, File.ReadAllLines(journal).Take(killed.Value));
    }
}
