using Cdt.Tests.Execution;
using Cdt.Tests.Support;
using NUnit.Framework;
using Shouldly;

namespace Cdt.Tests.Plans;

/// <summary>cdt execute --plan on the simulated fleet: every action, scripts' exit codes, critical or not, clusters.</summary>
public class PlanExecutionTests
{
    private const string EveryAction = """
        name: night
        actions:
          - action: create_snapshot
            name: before
          - action: execute_script
            path: check.sh
            arguments: [--fast]
          - action: install_package
            path: pkg_R81_20_T92.tgz
            name: Hotfix T92
          - action: push_file
            local: motd.txt
            remote: /etc/motd
          - action: pull_file
            remote: /var/log/messages
          - action: wait_for
            command: cpwd_admin list
            output: FWK
          - action: execute_command
            command: fw ver
          - action: reboot
          - action: log
            message: all done
          - action: send_email
            to: [ops@example.com]
            subject: night done
            body: see the run folder
        """;

    [Test]
    public void EveryActionOfAPlanRunsInOrderOnAStandaloneGateway()
    {
        using var h = new PlanRunHarness(Fleets.Standalone(1));

        var outcome = h.Execute(h.Plan(EveryAction));

        outcome.Run.Succeeded.ShouldBe(1);
        string.Join("\n", PlanRunHarness.Steps(outcome, "gw01")).ShouldMatchGolden("executed.every-action");
        var gw = h.Engine.World.Gateways["gw01"];
        gw.Snapshots.ShouldBe(["before"]);
        gw.Installed.ShouldContain("Hotfix T92");
        gw.Files.Keys.ShouldContain("/etc/motd");
        File.ReadAllText(Path.Combine(outcome.RunFolder, "gw01", "messages")).ShouldBe("simulated /var/log/messages of gw01\n");
        h.Mails.Single().ShouldSatisfyAllConditions(
            m => m.To.ShouldBe(["ops@example.com"]),
            m => m.Subject.ShouldBe("night done"),
            m => m.Body.ShouldStartWith("Gateway: gw01\n"),
            m => m.Body.ShouldEndWith("see the run folder"));
        h.Engine.World.RefusedCommands.ShouldBeEmpty();
    }

    [Test]
    public void ScriptExitCodesZeroGoesOnTwoTwoTwoRebootsThenGoesOnAnythingElseStopsTheTarget()
    {
        using var h = new PlanRunHarness("""
            gateways:
              - { name: gw01, ip: 10.0.0.1, version: R81.20 }
              - { name: gw02, ip: 10.0.0.2, version: R81.20, simulation: { scripts: { check.sh: 222 } } }
              - { name: gw03, ip: 10.0.0.3, version: R81.20, simulation: { scripts: { check.sh: 1 } } }
            """);
        var plan = h.Plan("""
            actions:
              - action: execute_script
                path: check.sh
              - action: create_snapshot
                name: after_script
            """);

        var outcome = h.Execute(plan);

        outcome.Run.Succeeded.ShouldBe(2);
        outcome.Run.Failed.ShouldBe(1);
        PlanRunHarness.Steps(outcome, "gw01")[0].ShouldBe("execute_script#1 ok: exit 0");
        PlanRunHarness.Steps(outcome, "gw02")[0].ShouldStartWith("execute_script#1 ok: exit 222: rebooted, back after ");
        h.Commands("gw02").ShouldContain("shutdown -r now");
        h.Commands("gw01").ShouldNotContain("shutdown -r now");
        PlanRunHarness.Finished(outcome, "gw03").Message!.ShouldStartWith("execute_script#1: check.sh exited 1");
        h.Engine.World.Gateways["gw01"].Snapshots.ShouldBe(["after_script"]);
        h.Engine.World.Gateways["gw02"].Snapshots.ShouldBe(["after_script"]);
        h.Engine.World.Gateways["gw03"].Snapshots.ShouldBeEmpty();
    }

    [Test]
    public void ANonCriticalFailureIsNotedAndThePlanGoesOn()
    {
        using var h = new PlanRunHarness(Fleets.Standalone(1));
        var plan = h.Plan("""
            actions:
              - action: execute_command
                command: test -f /etc/no-such-file
                critical: false
              - action: create_snapshot
                name: still_taken
            """);

        var outcome = h.Execute(plan);

        outcome.Run.Succeeded.ShouldBe(1);
        PlanRunHarness.Steps(outcome, "gw01")[0].ShouldBe("execute_command#1 failed: exit 1");
        PlanRunHarness.Finished(outcome, "gw01").Message!.ShouldContain("warnings: execute_command#1 (not critical): exit 1");
        h.Engine.World.Gateways["gw01"].Snapshots.ShouldBe(["still_taken"]);
    }

    [Test]
    public void ACriticalFailureStopsThatTargetOnly()
    {
        using var h = new PlanRunHarness(Fleets.Standalone(2));
        var plan = h.Plan("""
            actions:
              - action: execute_command
                command: test -f /etc/motd
              - action: create_snapshot
                name: after_check
            """);
        h.Engine.World.Gateways["gw02"].Files["/etc/motd"] = new Cdt.Simulation.SimFile { Md5 = "x", Size = 1 };

        var outcome = h.Execute(plan);

        outcome.Run.Failed.ShouldBe(1);
        PlanRunHarness.Finished(outcome, "gw01").Message.ShouldBe("execute_command#1: exit 1");
        h.Engine.World.Gateways["gw01"].Snapshots.ShouldBeEmpty();
        h.Engine.World.Gateways["gw02"].Snapshots.ShouldBe(["after_check"]);
    }

    [Test]
    public void OnAClusterThePlanRunsOnTheStandbyThenFailsOverThenRunsOnTheFormerActive()
    {
        using var h = new PlanRunHarness(Fleets.Clusters(Fleets.HaPair));
        var plan = h.Plan("""
            actions:
              - action: create_snapshot
                name: before
              - action: install_package
                path: pkg_R81_20_T92.tgz
                name: Hotfix T92
            """);

        var outcome = h.Execute(plan);

        outcome.Run.Succeeded.ShouldBe(2);
        var log = h.Engine.World.CommandLog;
        int At(string gateway, string text) => log.FindIndex(c => c.StartsWith(gateway + ":", StringComparison.Ordinal) && c.Contains(text, StringComparison.Ordinal));
        At("cl-a-m2", "add snapshot").ShouldBeLessThan(At("cl-a-m1", "clusterXL_admin down"));
        At("cl-a-m1", "clusterXL_admin down").ShouldBeLessThan(At("cl-a-m1", "add snapshot"));
        At("cl-a-m1", "installer install").ShouldBeLessThan(At("cl-a-m1", "clusterXL_admin up"));
        h.Engine.World.Gateways.Values.ShouldAllBe(g => g.InstallCount["Hotfix T92"] == 1);
        h.Engine.World.Violations.ShouldBeEmpty();
    }

    [Test]
    public void AnUpgradeWithConnectivityUpgradeKeepsConnectionsThroughTheClusterVersionChange()
    {
        using var h = new PlanRunHarness(Fleets.Clusters(Fleets.HaPair));
        File.WriteAllText(Path.Combine(h.Engine.Folder, "upgrade-R82-T777.tgz"), "upgrade");
        var plan = h.Plan("""
            connectivity_upgrade: true
            actions:
              - action: upgrade_package
                path: upgrade-R82-T777.tgz
                versions: [R81.20]
                target_version: R82
            """);

        var outcome = h.Execute(plan);

        outcome.Run.Succeeded.ShouldBe(2, string.Join("\n", PlanRunHarness.Steps(outcome, "cl-a-m2")));
        h.Engine.World.Gateways.Values.ShouldAllBe(g => g.Version == "R82");
        h.Engine.World.CommandLog.ShouldContain(c => c.Contains("cphaconf mvc on", StringComparison.Ordinal));
        h.Engine.World.CommandLog.ShouldContain(c => c.Contains("installer upgrade", StringComparison.Ordinal));
        h.Engine.World.Violations.ShouldBeEmpty();
    }

    [Test]
    public void AnUninstallRemovesThePackageWhereItIsAndHasNothingToDoElsewhere()
    {
        using var h = new PlanRunHarness("""
            gateways:
              - { name: gw01, ip: 10.0.0.1, version: R81.20, installed: [Old Hotfix] }
              - { name: gw02, ip: 10.0.0.2, version: R81.20 }
            """);
        var plan = h.Plan("""
            actions:
              - action: uninstall_package
                name: Old Hotfix
            """);

        var outcome = h.Execute(plan);

        outcome.Run.Succeeded.ShouldBe(2);
        PlanRunHarness.Steps(outcome, "gw01").Single().ShouldStartWith("uninstall_package#1 ok: 'Old Hotfix' uninstalled, gateway back after ");
        PlanRunHarness.Steps(outcome, "gw02").Single().ShouldBe("uninstall_package#1 skipped: 'Old Hotfix' is not installed: nothing to do");
        h.Engine.World.Gateways["gw01"].Installed.ShouldNotContain("Old Hotfix");
    }

    [Test]
    public void ACdtXmlPlanThatNamesPackagesOnlyByFileLearnsTheirCpuseNames()
    {
        using var h = new PlanRunHarness(Fleets.Standalone(1));
        var plan = h.XmlPlan("""
            <CDT_Deployment_Plan>
              <plan_settings><update_cpuse value="false"/></plan_settings>
              <import_package path="pkg_R81_20_T92.tgz"/>
              <verify_package path="pkg_R81_20_T92.tgz"/>
              <install_package path="pkg_R81_20_T92.tgz"/>
              <uninstall_cpuse_package filename="pkg_R81_20_T92.tgz"/>
            </CDT_Deployment_Plan>
            """);

        var outcome = h.Execute(plan);

        outcome.Run.Succeeded.ShouldBe(1);
        var steps = PlanRunHarness.Steps(outcome, "gw01");
        steps[0].ShouldEndWith("; imported as 'Hotfix T92'");
        steps[1].ShouldBe("verify_package#2 ok: Verifier results: Installation is allowed.");
        steps[2].ShouldStartWith("install_package#3:prepare ok: already on the gateway (same MD5); already imported as 'Hotfix T92'");
        steps[3].ShouldStartWith("install_package#3 ok: installed in ");
        steps[4].ShouldStartWith("uninstall_package#4 ok: 'Hotfix T92' uninstalled");
        h.Engine.World.Gateways["gw01"].InstallCount["Hotfix T92"].ShouldBe(1);
        h.Engine.World.Gateways["gw01"].Installed.ShouldNotContain("Hotfix T92");
    }

    [Test]
    public void ADownloadFromTheCloudLeavesThePackageImported()
    {
        using var h = new PlanRunHarness(Fleets.Standalone(1));
        var plan = h.Plan("""
            actions:
              - action: download_from_cloud
                path: pkg_R81_20_T92.tgz
                name: Hotfix T92
            """);

        var outcome = h.Execute(plan);

        PlanRunHarness.Steps(outcome, "gw01").Single().ShouldBe("download_from_cloud#1 ok: downloaded by CPUSE");
        h.Engine.World.Gateways["gw01"].Imported.ShouldContain("Hotfix T92");
        h.Engine.World.RefusedCommands.ShouldBeEmpty();
    }

    [Test]
    public void VerifyWithoutAnImportFailsSayingWhatIsMissing()
    {
        using var h = new PlanRunHarness(Fleets.Standalone(1));
        var plan = h.Plan("""
            actions:
              - action: verify_package
                path: pkg_R81_20_T92.tgz
                name: Hotfix T92
            """);

        var outcome = h.Execute(plan);

        PlanRunHarness.Finished(outcome, "gw01").Message.ShouldBe("verify_package#1: 'Hotfix T92' is not imported: put import_package (or install_package) before verify_package");
    }

    [Test]
    public void AMailThatCannotBeSentIsAWarningAndNeverAFailure()
    {
        using var h = new PlanRunHarness(Fleets.Standalone(1)) { MailFails = true };
        var plan = h.Plan("""
            actions:
              - action: send_email
                to: ops@example.com
                subject: hello
            """);

        var outcome = h.Execute(plan);

        outcome.Run.Succeeded.ShouldBe(1);
        PlanRunHarness.Finished(outcome, "gw01").Message.ShouldBe("done; warnings: send_email#1 (not critical): mail not sent (a warning: the deployment goes on): relay refused the connection");
    }
}
