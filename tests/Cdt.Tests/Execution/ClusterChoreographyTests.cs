using Cdt.Execution;
using Cdt.Fleet;
using Cdt.Tests.Support;
using NUnit.Framework;
using Shouldly;

namespace Cdt.Tests.Execution;

public class ClusterChoreographyTests
{
    [Test]
    public void HaClusterUpgradesStandbysFirstThenFailsOverThenTheFormerActive()
    {
        using var h = new EngineHarness(Fleets.Clusters(Fleets.HaTriple));
        h.Generate();

        var outcome = h.Execute();

        outcome.Run.Failed.ShouldBe(0);
        outcome.Run.Succeeded.ShouldBe(3);
        h.Installs().ShouldBe(["cl-b-m1", "cl-b-m3", "cl-b-m2"]);
        var down = h.World.CommandLog.FindIndex(c => c.StartsWith("cl-b-m2: clusterXL_admin down", StringComparison.Ordinal));
        var up = h.World.CommandLog.FindIndex(c => c.StartsWith("cl-b-m2: clusterXL_admin up", StringComparison.Ordinal));
        var activeInstall = h.World.CommandLog.FindIndex(c => c.StartsWith("cl-b-m2:", StringComparison.Ordinal) && c.Contains("installer install", StringComparison.Ordinal));
        down.ShouldBeLessThan(activeInstall);
        up.ShouldBeGreaterThan(activeInstall);
        h.World.Gateways.Values.ShouldAllBe(g => g.InstallCount["Hotfix T92"] == 1);
        h.World.Violations.ShouldBeEmpty();
        h.World.RefusedCommands.ShouldBeEmpty();
    }

    [Test]
    public void VrrpUpgradesTheBackupThenTheMaster()
    {
        using var h = new EngineHarness(Fleets.Clusters(Fleets.Vrrp));
        h.Generate();

        var outcome = h.Execute();

        outcome.Run.Succeeded.ShouldBe(2);
        h.Installs().ShouldBe(["vr-m2", "vr-m1"]);
        h.World.Violations.ShouldBeEmpty();
    }

    [Test]
    public void AFailedBackupLeavesTheMasterUntouchedAndSaysWhyTheBackupFailed()
    {
        using var h = new EngineHarness(Fleets.Clusters(Fleets.Vrrp.Replace("state: backup }", "state: backup, simulation: { faults: [install_fails] } }", StringComparison.Ordinal)));
        h.Generate();

        var outcome = h.Execute();

        outcome.Run.Failed.ShouldBe(1);
        h.Installs().ShouldBe(["vr-m2"]);
        var summary = File.ReadAllText(outcome.SummaryPath);
        summary.ShouldContain("backup member vr-m2 failed (install: installer install: Result: Installation failed.");
        summary.ShouldContain("the master vr-m1 was not touched and carries the traffic");
        summary.ShouldContain("vr-m1: MASTER");
    }

    [Test]
    public void VslsUpgradesTheVslsMembersThenTheActiveMember()
    {
        using var h = new EngineHarness(Fleets.Clusters(Fleets.Vsls));
        h.Generate();

        var outcome = h.Execute();

        outcome.Run.Succeeded.ShouldBe(3);
        h.Installs().ShouldBe(["vs-m1", "vs-m3", "vs-m2"]);
        h.World.CommandLog.ShouldContain(c => c.Contains("vsenv 0", StringComparison.Ordinal));
        h.World.Violations.ShouldBeEmpty();
    }

    [Test]
    public void AFailedStandbyLeavesTheActiveUntouchedAndServing()
    {
        using var h = new EngineHarness(Fleets.Clusters(Fleets.HaPair.Replace("state: standby }", "state: standby, simulation: { faults: [install_fails] } }", StringComparison.Ordinal)));
        h.Generate();

        var outcome = h.Execute();

        outcome.Run.Failed.ShouldBe(1);
        h.World.CommandLog.ShouldNotContain(c => c.StartsWith("cl-a-m1:", StringComparison.Ordinal) && (c.Contains("clusterXL_admin", StringComparison.Ordinal) || c.Contains("installer", StringComparison.Ordinal)));
        h.World.Gateways["cl-a-m1"].Serving(h.Clock.GetUtcNow()).ShouldBeTrue();
        var summary = File.ReadAllText(outcome.SummaryPath);
        summary.ShouldContain("the active member cl-a-m1 was not touched and carries the traffic");
        summary.ShouldContain("cl-a-m1: ACTIVE");

        var resumed = h.Execute(resume: true);

        resumed.Run.Failed.ShouldBe(1);
        h.World.CommandLog.ShouldNotContain(c => c.StartsWith("cl-a-m1:", StringComparison.Ordinal) && c.Contains("clusterXL_admin", StringComparison.Ordinal));
    }

    [Test]
    public void AFailoverThatDoesNotHappenIsUndoneAndTheFormerActiveKeepsTheTraffic()
    {
        using var h = new EngineHarness(Fleets.Clusters(Fleets.HaPair.Replace("state: active }", "state: active, simulation: { faults: [no_failover] } }", StringComparison.Ordinal)));
        h.Generate();

        var outcome = h.Execute();

        outcome.Run.Failed.ShouldBe(0);
        outcome.Run.Succeeded.ShouldBe(1);
        h.World.CommandLog.ShouldContain(c => c.StartsWith("cl-a-m1: clusterXL_admin up", StringComparison.Ordinal));
        h.World.Gateways["cl-a-m1"].InstallCount.ShouldBeEmpty();
        File.ReadAllText(outcome.SummaryPath).ShouldContain("failover did not happen");
        ExitCodeOf(outcome).ShouldBe(Cdt.Cli.ExitCodes.Ok);
    }

    [Test]
    public void AnUnhealthyClusterIsNotTouchedAtAll()
    {
        using var h = new EngineHarness(Fleets.Clusters(Fleets.HaPair));
        h.Generate();
        h.World.Gateways["cl-a-m2"].AdminDown = true;

        var outcome = h.Execute();

        outcome.Run.Failed.ShouldBe(2);
        h.World.CommandLog.ShouldNotContain(c => c.Contains("installer", StringComparison.Ordinal) || c.Contains("clusterXL_admin", StringComparison.Ordinal));
        File.ReadAllText(outcome.SummaryPath).ShouldContain("pre-check failed, nothing was touched");
    }

    [Test]
    public void AConnectivityUpgradeTurnsMultiVersionClusterOnForUpgradedMembersAndOffAtTheEnd()
    {
        using var h = new EngineHarness(Fleets.Clusters(Fleets.HaPair));
        h.UseUpgrade(connectivityUpgrade: true);
        h.Generate();

        var outcome = h.Execute();

        outcome.Run.Succeeded.ShouldBe(2);
        h.World.Gateways.Values.ShouldAllBe(g => g.Version == "R82" && !g.Mvc);
        var log = h.World.CommandLog.Where(c => c.Contains("installer upgrade", StringComparison.Ordinal) || c.Contains("cphaconf", StringComparison.Ordinal) || c.Contains("clusterXL_admin down", StringComparison.Ordinal))
            .Select(c => c[..c.IndexOf(':', StringComparison.Ordinal)] + " " + (c.Contains("upgrade", StringComparison.Ordinal) ? "upgrade" : c.Contains("mvc on", StringComparison.Ordinal) ? "mvc on" : c.Contains("mvc off", StringComparison.Ordinal) ? "mvc off" : "admin down"));
        log.ShouldBe(["cl-a-m2 upgrade", "cl-a-m2 mvc on", "cl-a-m1 admin down", "cl-a-m1 upgrade", "cl-a-m1 mvc off", "cl-a-m2 mvc off"]);
    }

    [Test]
    public void AVersionUpgradeWithoutConnectivityUpgradeNeverTouchesMvc()
    {
        using var h = new EngineHarness(Fleets.Clusters(Fleets.HaPair));
        h.UseUpgrade(connectivityUpgrade: false);
        h.Generate();

        h.Execute().Run.Succeeded.ShouldBe(2);

        h.World.CommandLog.ShouldNotContain(c => c.Contains("cphaconf", StringComparison.Ordinal));
        h.World.Gateways.Values.ShouldAllBe(g => g.Version == "R82");
    }

    private static int ExitCodeOf(ExecuteOutcome o) => Cdt.Cli.ExecuteCommand.ExitCodeOf(o.Run);
}
