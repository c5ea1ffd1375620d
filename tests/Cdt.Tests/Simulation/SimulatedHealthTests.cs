using Cdt.Fleet;
using Cdt.Gaia;
using Cdt.Gaia.Health;
using Cdt.Simulation;
using Cdt.Transport;
using NUnit.Framework;
using Shouldly;

namespace Cdt.Tests.Simulation;

/// <summary>The simulator answers the health snapshot's one command, and each health fault shows only after a reboot.</summary>
public class SimulatedHealthTests
{
    private const string Fleet = "gateways:\n  - { name: gw1, ip: 10.0.0.1, version: R81.20 }\n";
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-11-22T01:00:00+00:00", System.Globalization.CultureInfo.InvariantCulture);

    private static HealthSnapshot Snapshot(SimWorld world)
    {
        var reply = new GaiaSimulator(world).Execute("gw1", GaiaCommands.HealthSnapshotCommand(new Target { Name = "gw1", Host = "10.0.0.1" }), Now);
        reply.Exit.ShouldBe(0, reply.Stderr);
        return HealthReader.Read(reply.Stdout, reply.Stderr);
    }

    [Test]
    public void AHealthyGatewayAnswersEveryPart()
    {
        var s = Snapshot(SimWorld.FromInventory(InventoryLoader.LoadText("fleet.yml", Fleet), Now));

        s.Unread.ShouldBeEmpty();
        s.Cluster.ShouldBeNull();
        s.Policy!.Name.ShouldBe("Standard");
        s.Routes!.Total.ShouldBe(SimHealthOutput.Routes);
        s.Interfaces!.Select(l => l.Name).ShouldBe(["lo", "eth0", "eth1", "eth2"]);
        s.Interfaces!.ShouldAllBe(l => l.Up);
        s.Processes!.ShouldAllBe(p => p.Running);
        s.Licences!.Count.ShouldBe(1);
    }

    [TestCase(Fault.PolicyNotBack)]
    [TestCase(Fault.InterfaceDown)]
    [TestCase(Fault.ProcessNotStarted)]
    [TestCase(Fault.RoutesLost)]
    public void EachHealthFaultShowsAfterTheRebootOnly(Fault fault)
    {
        var world = SimWorld.FromInventory(InventoryLoader.LoadText("fleet.yml", Fleet), Now);
        world.Gateways["gw1"].Faults.Add(fault);
        var before = Snapshot(world);
        world.Gateways["gw1"].Reboots = 1;

        var after = Snapshot(world);

        Cdt.Execution.Health.HealthComparison.Compare(before, before, 0.05).ShouldBeEmpty();
        Cdt.Execution.Health.HealthComparison.Compare(before, after, 0.05).Single().Kind.ShouldBe(fault switch
        {
            Fault.PolicyNotBack => "policy",
            Fault.InterfaceDown => "interface",
            Fault.ProcessNotStarted => "process",
            _ => "routes",
        });
    }
}
