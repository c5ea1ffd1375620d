using Cdt.Fleet;
using Cdt.Gaia;
using Cdt.Simulation;
using NUnit.Framework;
using Shouldly;

namespace Cdt.Tests.Simulation;

public class SecurityGroupSimulatorTests
{
    private const string Package = "Hotfix One";

    private static (SimWorld World, GaiaSimulator Sim) Fleet(string platform, string members, string extra = "")
    {
        var inventory = InventoryLoader.LoadText("f.yml", $$"""
            packages:
              - { file: pkg.tgz, name: {{Package}} }
            security_groups:
              - { name: sg, platform: {{platform}}, ip: 10.0.0.1, version: R81.20, members: [{{members}}] {{extra}} }
            """);
        var world = SimWorld.FromInventory(inventory, DateTimeOffset.UnixEpoch);
        world.RecordCommands = true;
        foreach (var g in world.Gateways.Values)
        {
            g.Imported.Add(Package);
        }

        return (world, new GaiaSimulator(world));
    }

    private static AsgStatus Stat(GaiaSimulator sim, string on, DateTimeOffset at) => AsgStatParser.Parse(sim.Execute(on, "asg stat", at).Stdout).Value!;

    private static string States(AsgStatus s) => string.Join(", ", s.Members.Select(m => m.Id + " " + m.State));

    [TestCase("1_2", "1_1 UP, 1_2 DOWN (admin), 1_3 UP, 1_4 UP")]
    [TestCase("1_1,1_4", "1_1 DOWN (admin), 1_2 UP, 1_3 UP, 1_4 DOWN (admin)")]
    [TestCase("1_1-1_3", "1_1 DOWN (admin), 1_2 DOWN (admin), 1_3 DOWN (admin), 1_4 UP")]
    [TestCase("1_01,1_02", "1_1 DOWN (admin), 1_2 DOWN (admin), 1_3 UP, 1_4 UP")]
    public void GClusterXlAdminTakesDownExactlyTheNamedMembers(string ids, string expected)
    {
        var (_, sim) = Fleet("maestro", "1_1, 1_2, 1_3, 1_4");

        sim.Execute("sg-1_1", $"g_clusterXL_admin -b {ids} down", DateTimeOffset.UnixEpoch).Exit.ShouldBe(0);

        States(Stat(sim, "sg-1_1", DateTimeOffset.UnixEpoch)).ShouldBe(expected);
    }

    [Test]
    public void AChassisGoesDownAsAWholeAndStaysDownThroughAReboot()
    {
        var (world, sim) = Fleet("dual-chassis", "1_1, 1_2, 2_1, 2_2");
        var t0 = DateTimeOffset.UnixEpoch;

        sim.Execute("sg-2_1", "g_clusterXL_admin -b chassis1 down", t0).Exit.ShouldBe(0);
        sim.Execute("sg-1_1", "gclish -c 'set smo image auto-clone state off'", t0).Exit.ShouldBe(0);
        sim.Execute("sg-1_1", $"gclish -c 'installer install \"{Package}\" member_ids 1_1,1_2 not-interactive'", t0).Exit.ShouldBe(0);
        var back = t0 + TimeSpan.FromHours(1);

        var status = Stat(sim, "sg-2_1", back);
        States(status).ShouldBe("1_1 DOWN (admin), 1_2 DOWN (admin), 2_1 UP, 2_2 UP");
        status.Sites.Select(s => s.State).ShouldBe(["DOWN", "ACTIVE"]);
        world.Gateways["sg-1_1"].Installed.ShouldContain(Package);

        sim.Execute("sg-2_1", "asg chassis_admin -c 1 up", back).Exit.ShouldBe(0);
        States(Stat(sim, "sg-2_1", back)).ShouldBe("1_1 UP, 1_2 UP, 2_1 UP, 2_2 UP");
        world.Violations.ShouldBeEmpty();
    }

    [Test]
    public void ElasticXlUsesMembersAdminStateAndRefusesGClusterXlAdmin()
    {
        var (world, sim) = Fleet("elasticxl", "1_1, 1_2, 2_1");

        sim.Execute("sg-2_1", "gclish -c 'set cluster members-admin-state ids 1_01,1_02 down'", DateTimeOffset.UnixEpoch).Exit.ShouldBe(0);
        var refused = sim.Execute("sg-2_1", "g_clusterXL_admin -b 1_1 down", DateTimeOffset.UnixEpoch);

        States(Stat(sim, "sg-2_1", DateTimeOffset.UnixEpoch)).ShouldBe("1_1 DOWN (admin), 1_2 DOWN (admin), 2_1 UP");
        refused.Exit.ShouldBe(127);
        world.RefusedCommands.ShouldBe(["sg-2_1: g_clusterXL_admin -b 1_1 down"]);
    }

    [Test]
    public void AutoCloneIsShownAndSetWithEachPlatformsOwnCommand()
    {
        var (maestro, m) = Fleet("maestro", "1_1, 1_2");
        var (elastic, e) = Fleet("elasticxl", "1_1, 1_2");

        AutoCloneParser.Parse(m.Execute("sg-1_1", "gclish -c 'show smo image auto-clone state'", DateTimeOffset.UnixEpoch).Stdout).Value.ShouldBe("on");
        m.Execute("sg-1_1", "gclish -c 'set smo image auto-clone state off'", DateTimeOffset.UnixEpoch).Exit.ShouldBe(0);
        e.Execute("sg-1_1", "gclish -c 'set cluster configuration image auto-clone state off'", DateTimeOffset.UnixEpoch).Exit.ShouldBe(0);
        e.Execute("sg-1_1", "gclish -c 'set smo image auto-clone state on'", DateTimeOffset.UnixEpoch).Exit.ShouldNotBe(0);

        maestro.Clusters["sg"].AutoClone.ShouldBeFalse();
        elastic.Clusters["sg"].AutoClone.ShouldBeFalse();
        AutoCloneParser.Parse(e.Execute("sg-1_1", "gclish -c 'show cluster configuration image auto-clone state'", DateTimeOffset.UnixEpoch).Stdout).Value.ShouldBe("off");
    }

    [Test]
    public void AnInstallWithMemberIdsInstallsAndRebootsOnlyThoseMembers()
    {
        var (world, sim) = Fleet("maestro", "1_1, 1_2, 1_3");
        world.Clusters["sg"].AutoClone = false;
        var t0 = DateTimeOffset.UnixEpoch;
        sim.Execute("sg-1_3", "g_clusterXL_admin -b 1_1,1_2 down", t0);

        var reply = sim.Execute("sg-1_1", $"gclish -c 'installer install \"{Package}\" member_ids 1_1-1_2 not-interactive'", t0);
        world.AdvanceTo(t0 + TimeSpan.FromHours(1));

        reply.Exit.ShouldBe(0);
        reply.Duration.ShouldBe(TimeSpan.FromMinutes(20));
        world.Gateways.Values.Where(g => g.Installed.Contains(Package)).Select(g => g.Name).ShouldBe(["sg-1_1", "sg-1_2"]);
        world.Gateways.Values.Select(g => g.Reboots).ShouldBe([1, 1, 0]);
        States(Stat(sim, "sg-1_3", t0 + TimeSpan.FromHours(1))).ShouldBe("1_1 UP, 1_2 UP, 1_3 UP");
        world.Violations.ShouldBeEmpty();
    }

    [Test]
    public void WithAutoCloneLeftOnAnUpdatedMemberClonesTheOldPackagesBackAtItsReboot()
    {
        var (world, sim) = Fleet("maestro", "1_1, 1_2");
        var t0 = DateTimeOffset.UnixEpoch;
        sim.Execute("sg-1_2", "g_clusterXL_admin -b 1_1 down", t0);

        sim.Execute("sg-1_1", $"gclish -c 'installer install \"{Package}\" member_ids 1_1 not-interactive'", t0).Exit.ShouldBe(0);
        world.AdvanceTo(t0 + TimeSpan.FromHours(1));

        world.Gateways["sg-1_1"].Installed.ShouldNotContain(Package);
    }

    [Test]
    public void MemberIdsAllStopsTheTrafficAndTheSimulatorSaysSo()
    {
        var (world, sim) = Fleet("maestro", "1_1, 1_2, 1_3, 1_4");

        sim.Execute("sg-1_1", $"gclish -c 'installer install \"{Package}\" member_ids all not-interactive'", DateTimeOffset.UnixEpoch);

        world.Violations.ShouldContain(v => v.Contains("every member of sg is out of service", StringComparison.Ordinal));
        world.Violations.ShouldContain(v => v.Contains("1_1 of sg was installed while it carried traffic", StringComparison.Ordinal));
    }

    [Test]
    public void AMemberThatNeverComesUpCannotBeForcedUp()
    {
        var (world, sim) = Fleet("maestro", "1_1, 1_2", ", simulation: { faults: [never_up] }");
        world.Clusters["sg"].AutoClone = false;
        var t0 = DateTimeOffset.UnixEpoch;
        sim.Execute("sg-1_2", "g_clusterXL_admin -b 1_1 down", t0);
        sim.Execute("sg-1_1", $"gclish -c 'installer install \"{Package}\" member_ids 1_1 not-interactive'", t0);
        var later = t0 + TimeSpan.FromHours(1);

        var up = sim.Execute("sg-1_2", "g_clusterXL_admin -b 1_1 up", later);

        up.Exit.ShouldBe(1);
        up.Stderr.ShouldContain("cannot change the state to UP");
        States(Stat(sim, "sg-1_2", later)).ShouldBe("1_1 DOWN, 1_2 UP");
    }

    [TestCase("1_9")]
    [TestCase("chassis3")]
    [TestCase("1_1-1_9")]
    public void UnknownMemberIdsAreRefusedAndChangeNothing(string ids)
    {
        var (world, sim) = Fleet("maestro", "1_1, 1_2");

        sim.Execute("sg-1_1", $"g_clusterXL_admin -b {ids} down", DateTimeOffset.UnixEpoch).Exit.ShouldBe(1);

        world.Gateways.Values.ShouldAllBe(g => !g.AdminDown);
    }

    [Test]
    public void AnActivePairNodeRebootedWithoutSwitchoverIsAViolation()
    {
        var inventory = InventoryLoader.LoadText("f.yml", """
            clusters:
              - name: ap
                type: active-passive
                version: R81.20
                members:
                  - { name: ap-1, ip: 10.5.1.1, state: active }
                  - { name: ap-2, ip: 10.5.1.2, state: passive }
            """);
        var world = SimWorld.FromInventory(inventory, DateTimeOffset.UnixEpoch);
        var sim = new GaiaSimulator(world);

        sim.Execute("ap-1", "pairctl is-active", DateTimeOffset.UnixEpoch).Exit.ShouldBe(0);
        sim.Execute("ap-2", "pairctl is-active", DateTimeOffset.UnixEpoch).Exit.ShouldBe(1);
        sim.Execute("ap-1", "pairctl reboot", DateTimeOffset.UnixEpoch);

        world.Violations.ShouldHaveSingleItem().ShouldContain("ap-1 of ap was rebooted while it was the active node");
        world.Clusters["ap"].InSync.ShouldBeFalse();
    }

    [Test]
    public void APairIsInSyncAgainTheConfiguredTimeAfterARebootedNodeIsBack()
    {
        var inventory = InventoryLoader.LoadText("f.yml", """
            clusters:
              - name: ap
                type: active-passive
                version: R81.20
                simulation: { reboot: 1m, sync: 30s }
                members:
                  - { name: ap-1, ip: 10.5.1.1, state: active }
                  - { name: ap-2, ip: 10.5.1.2, state: passive }
            """);
        var world = SimWorld.FromInventory(inventory, DateTimeOffset.UnixEpoch);
        new GaiaSimulator(world).Execute("ap-2", "pairctl reboot", DateTimeOffset.UnixEpoch);

        world.AdvanceTo(DateTimeOffset.UnixEpoch.AddSeconds(89));
        world.Clusters["ap"].InSync.ShouldBeFalse();
        world.AdvanceTo(DateTimeOffset.UnixEpoch.AddSeconds(90));
        world.Clusters["ap"].InSync.ShouldBeTrue();
        world.Violations.ShouldBeEmpty();
    }
}
