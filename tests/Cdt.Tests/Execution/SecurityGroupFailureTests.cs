using Cdt.Config;
using Cdt.Execution;
using Cdt.Fleet;
using Cdt.Tests.Support;
using NUnit.Framework;
using Shouldly;

namespace Cdt.Tests.Execution;

public class SecurityGroupFailureTests
{
    private static bool TookDown(ProcedureHarness h, string ids) => h.Commands.Any(c => c.EndsWith("g_clusterXL_admin -b " + ids + " down", StringComparison.Ordinal));

    [Test]
    public void WhenGroupAsInstallFailsGroupBIsNeverTakenDownAndTheReportSaysWhatToDo()
    {
        using var h = new ProcedureHarness(ProcedureFleets.Maestro);
        h.World.Gateways["sg-lyon-1_2"].Faults.Add(Fault.InstallFails);

        var result = h.Run();

        TookDown(h, "1_1,1_2").ShouldBeTrue();
        TookDown(h, "1_3,1_4").ShouldBeFalse();
        h.Commands.ShouldNotContain(c => c.Contains("member_ids 1_3", StringComparison.Ordinal));
        h.Status("sg-lyon-1_1").ShouldBe(TargetStatus.Failed);
        h.Status("sg-lyon-1_2").ShouldBe(TargetStatus.Failed);
        h.Status("sg-lyon-1_3").ShouldBe(TargetStatus.NotStarted);
        h.Status("sg-lyon-1_4").ShouldBe(TargetStatus.NotStarted);
        var outcome = h.Outcome("sg-lyon");
        outcome.ShouldContain("the install on group A (1_1, 1_2) failed on sg-lyon-1_1");
        outcome.ShouldContain("group B was never taken down and carries the traffic");
        outcome.ShouldContain("1_3: UP, 1_4: UP");
        outcome.ShouldContain("cdt resume --retry-failed");
        outcome.ShouldContain("g_clusterXL_admin -b 1_1,1_2 up");
        result.Failed.ShouldBe(2);
        h.World.Violations.ShouldBeEmpty();
    }

    [Test]
    public void AutoCloneIsPutBackAsItWasAfterAFailure()
    {
        using var h = new ProcedureHarness(ProcedureFleets.Maestro);
        h.World.Gateways["sg-lyon-1_1"].Faults.Add(Fault.InstallFails);

        h.Run();

        h.World.Clusters["sg-lyon"].AutoClone.ShouldBeTrue();
        h.Commands.Count(c => c.EndsWith("set smo image auto-clone state on'", StringComparison.Ordinal)).ShouldBe(1);
        h.Outcome("sg-lyon").ShouldEndWith("SMO image auto-clone is on again, as it was");
    }

    [Test]
    public void AutoCloneThatWasOffStaysOffAndIsNeverTouched()
    {
        using var h = new ProcedureHarness(ProcedureFleets.ElasticXlDualSite);
        h.World.Clusters["sg-geneva"].AutoClone = false;

        var result = h.Run();

        result.Succeeded.ShouldBe(6);
        h.World.Clusters["sg-geneva"].AutoClone.ShouldBeFalse();
        h.Commands.ShouldNotContain(c => c.Contains("set cluster configuration image auto-clone", StringComparison.Ordinal));
    }

    [Test]
    public void WhenGroupAsMembersNeverComeUpGroupBIsNeverTakenDown()
    {
        using var h = new ProcedureHarness(ProcedureFleets.Maestro);
        h.World.Gateways["sg-lyon-1_2"].Faults.Add(Fault.NeverUp);

        h.Run();

        TookDown(h, "1_3,1_4").ShouldBeFalse();
        var outcome = h.Outcome("sg-lyon");
        outcome.ShouldContain("group A: 1_2 did not come UP within 45m");
        outcome.ShouldContain("1_1: UP, 1_2: DOWN (Inactive), 1_3: UP, 1_4: UP");
        outcome.ShouldContain("g_clusterXL_admin -b 1_2 up");
        h.State!.Targets["sg-lyon-1_2"].Message.ShouldStartWith("not UP within 45m");
        h.Status("sg-lyon-1_1").ShouldBe(TargetStatus.Failed);
        h.World.Violations.ShouldBeEmpty();
    }

    [Test]
    public void WhenAutoCloneCannotBeTurnedOffNothingIsTakenDown()
    {
        using var h = new ProcedureHarness(ProcedureFleets.Maestro.Replace("members:", "simulation: { faults: [auto_clone_fails] }, members:", StringComparison.Ordinal));

        var result = h.Run();

        h.Commands.ShouldNotContain(c => c.Contains("g_clusterXL_admin", StringComparison.Ordinal) || c.Contains("member_ids", StringComparison.Ordinal));
        h.Outcome("sg-lyon").ShouldStartWith("turning SMO image auto-clone off failed");
        h.Outcome("sg-lyon").ShouldContain("nothing was taken down");
        result.NotStarted.ShouldBe(4);
    }

    [Test]
    public void AMemberNotUpBeforehandStopsEverythingBeforeAnythingIsTouched()
    {
        using var h = new ProcedureHarness(ProcedureFleets.ElasticXlDualSite);
        h.World.Gateways["sg-geneva-2_3"].AdminDown = true;

        var result = h.Run();

        h.Commands.ShouldBe(["sg-geneva-1_1: asg stat"]);
        h.Outcome("sg-geneva").ShouldBe("pre-check failed, nothing was touched: member 2_03 is not UP (1_01: UP, 1_02: UP, 1_03: UP, 2_01: UP, 2_02: UP, 2_03: DOWN (admin) (Inactive))");
        result.Failed.ShouldBe(6);
    }

    [Test]
    public void APreparationFailureStopsBeforeAnyMemberGoesDown()
    {
        using var h = new ProcedureHarness(ProcedureFleets.Maestro);
        h.World.Gateways["sg-lyon-1_4"].Faults.Add(Fault.VerifyRefuses);

        h.Run();

        h.Commands.ShouldNotContain(c => c.Contains("g_clusterXL_admin", StringComparison.Ordinal) || c.Contains("auto-clone state off", StringComparison.Ordinal));
        h.Status("sg-lyon-1_4").ShouldBe(TargetStatus.Failed);
        h.Status("sg-lyon-1_1").ShouldBe(TargetStatus.NotStarted);
        h.Outcome("sg-lyon").ShouldContain("nothing was taken down, auto-clone was not touched");
    }

    [Test]
    public void ADualChassisWhoseStandbyChassisNeverComesBackKeepsTheActiveChassisUp()
    {
        using var h = new ProcedureHarness(ProcedureFleets.DualChassis);
        h.World.Clusters["sg-madrid"].ActiveSite = 2;
        h.World.Gateways["sg-madrid-1_2"].Faults.Add(Fault.RebootNeverReturns);

        h.Run();

        h.Commands.ShouldContain(c => c.EndsWith("g_clusterXL_admin -b chassis1 down", StringComparison.Ordinal));
        h.Commands.ShouldNotContain(c => c.Contains("chassis2 down", StringComparison.Ordinal) || c.Contains("chassis1 up", StringComparison.Ordinal));
        h.Outcome("sg-madrid").ShouldContain("chassis1 stays administratively down and chassis2 carries the traffic");
        h.Outcome("sg-madrid").ShouldContain("g_clusterXL_admin -b chassis1 up");
        h.World.Violations.ShouldBeEmpty();
    }

    [Test]
    public void ResumingWithRetryFailedAfterTheCauseIsFixedFinishesGroupAThenGroupBWithAutoCloneOff()
    {
        using var h = new ProcedureHarness(ProcedureFleets.Maestro);
        h.World.Gateways["sg-lyon-1_1"].Faults.Add(Fault.InstallFails);
        h.Run();
        h.World.Gateways["sg-lyon-1_1"].Faults.Remove(Fault.InstallFails);

        var result = h.Run(retryFailed: true);

        result.Succeeded.ShouldBe(4);
        result.Failed.ShouldBe(0);
        h.Commands.Count(c => c.EndsWith("set smo image auto-clone state off'", StringComparison.Ordinal)).ShouldBe(2);
        h.World.Clusters["sg-lyon"].AutoClone.ShouldBeTrue();
        TookDown(h, "1_3,1_4").ShouldBeTrue();
        h.World.Gateways.Values.ShouldAllBe(g => g.Installed.Contains(ProcedureHarness.PackageName));
        h.World.Violations.ShouldBeEmpty();
    }

    [Test]
    public void AClishLoginIsRefusedBeforeAnythingIsSent()
    {
        using var h = new ProcedureHarness(ProcedureFleets.Maestro.Replace("members:", "shell: clish, members:", StringComparison.Ordinal));

        h.Run();

        h.Commands.ShouldBeEmpty();
        h.Outcome("sg-lyon").ShouldContain("set 'shell: expert'");
    }

    [Test]
    public void ThreeGroupsWhenConfiguredAreInstalledOneAfterTheOther()
    {
        using var h = new ProcedureHarness(ProcedureFleets.MaestroVsNext) { SecurityGroups = new SecurityGroupSettings { Groups = 3 } };

        var result = h.Run();

        result.Succeeded.ShouldBe(5);
        h.Commands.Where(c => c.Contains("member_ids", StringComparison.Ordinal)).Select(c => c[(c.IndexOf("member_ids", StringComparison.Ordinal) + 11)..])
            .ShouldBe(["1_1,1_2 not-interactive'", "1_3,1_4 not-interactive'", "1_5 not-interactive'"]);
        h.World.Violations.ShouldBeEmpty();
    }
}
