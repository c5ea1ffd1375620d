using Cdt.Host;
using Cdt.Tests.Execution;
using NUnit.Framework;
using Shouldly;

namespace Cdt.Tests.Plans;

/// <summary>Plans on Security Groups: the install goes group by group; actions that could take every member down are refused.</summary>
public class PlanSecurityGroupTests
{
    private static readonly string Fleet = Fleets.Standalone(1) + """
        security_groups:
          - name: sg
            platform: maestro
            ip: 10.4.1.1
            version: R81.20
            members: [1_1, 1_2, 1_3, 1_4]
        """;

    [Test]
    public void APlanWithOneInstallRunsOnASecurityGroupGroupByGroup()
    {
        using var h = new PlanRunHarness(Fleet);
        var plan = h.Plan("""
            actions:
              - action: create_snapshot
                name: before
              - action: install_package
                path: pkg_R81_20_T92.tgz
                name: Hotfix T92
              - action: log
                message: done
            """);

        var outcome = h.Execute(plan);

        outcome.Run.Succeeded.ShouldBe(5, string.Join("\n", Cdt.Execution.RunJournal.Read(LocalFileStore.Instance, outcome.JournalPath).Select(e => $"{e.Event} {e.Unit} {e.Target} {e.Step} {e.Status} {e.Message}")));
        h.Engine.World.Violations.ShouldBeEmpty();
        PlanRunHarness.Steps(outcome, "sg-1_1").ShouldContain("log#3 ok: done");
    }

    [Test]
    public void APlanThatCouldTakeEveryMemberDownFailsTheSecurityGroupTouchingNothing()
    {
        using var h = new PlanRunHarness(Fleet);
        var plan = h.Plan("""
            actions:
              - action: execute_script
                path: check.sh
              - action: install_package
                path: pkg_R81_20_T92.tgz
                name: Hotfix T92
              - action: reboot
            """);

        var outcome = h.Execute(plan);

        outcome.Run.Succeeded.ShouldBe(1);
        outcome.Run.Failed.ShouldBe(4);
        PlanRunHarness.Finished(outcome, "sg-1_1").Message.ShouldBe("on a Security Group cdt runs every action but the install on all members at once, so execute_script#1, reboot#3 (which may take a member down) would take them all down: nothing was touched; run this plan without the Security Groups ('-'), or one with a single install for them");
        h.Engine.World.CommandLog.ShouldNotContain(c => c.StartsWith("sg", StringComparison.Ordinal));
    }
}
