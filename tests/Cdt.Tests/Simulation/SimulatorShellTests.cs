using Cdt.Fleet;
using Cdt.Gaia;
using Cdt.Simulation;
using Cdt.Tests.Support;
using Cdt.Transport;
using NUnit.Framework;
using Shouldly;

namespace Cdt.Tests.Simulation;

public class SimulatorShellTests
{
    private const string Fleet = """
        packages:
          - file: pkg.tgz
            name: Hotfix One
        gateways:
          - name: gw1
            ip: 10.0.0.1
            version: R81.20
            simulation: { install: 20m, reboot: 5m }
        clusters:
          - name: cl
            type: clusterxl-ha
            version: R81.20
            members:
              - { name: m1, ip: 10.0.1.1, state: active }
              - { name: m2, ip: 10.0.1.2, state: standby }
        """;

    [Test]
    public void AnInstallTakesItsSimulatedTimeThenRebootsTheGateway()
    {
        var clock = ManualClock.At("2026-11-22T01:00:00+00:00");
        var world = SimWorld.FromInventory(InventoryLoader.LoadText("fleet.yml", Fleet), clock.GetUtcNow());
        using var temp = new TempFolder();
        var package = temp.Write("pkg.tgz", "payload");
        var shell = new SimulatorShell(world, clock);
        var gw = new Target { Name = "gw1", Host = "10.0.0.1" };

        var (install, during, after) = DeterministicRunner.Run(clock, async () =>
        {
            (await shell.SendFileAsync(gw, package, "/var/log/upload/pkg.tgz", TimeSpan.FromMinutes(5), default)).Succeeded.ShouldBeTrue();
            (await shell.RunAsync(gw, GaiaCommands.Import(gw, "pkg.tgz"), TimeSpan.FromMinutes(5), default)).Succeeded.ShouldBeTrue();
            var result = await shell.RunAsync(gw, GaiaCommands.Install(gw, "Hotfix One"), TimeSpan.FromHours(1), default);
            var rebooting = await shell.RunAsync(gw, GaiaCommands.Version(gw), TimeSpan.FromMinutes(1), default);
            await Task.Delay(TimeSpan.FromMinutes(6), clock);
            var back = await shell.RunAsync(gw, GaiaCommands.ShowPackages(gw, PackageListing.Installed), TimeSpan.FromMinutes(1), default);
            return (result, rebooting, back);
        });

        install.Succeeded.ShouldBeTrue();
        install.Duration.ShouldBe(TimeSpan.FromMinutes(20));
        during.Error.ShouldBe(TransportError.Unreachable);
        PackageListParser.Parse(after.Stdout).Value!.Select(p => p.Name).ShouldBe(["Hotfix One"]);
        world.Gateways["gw1"].InstallCount["Hotfix One"].ShouldBe(1);
        world.RefusedCommands.ShouldBeEmpty();
    }

    [Test]
    public void TakingTheActiveDownWhileTheStandbyInstallsIsReportedAsAViolation()
    {
        var clock = ManualClock.At("2026-11-22T01:00:00+00:00");
        var world = SimWorld.FromInventory(InventoryLoader.LoadText("fleet.yml", Fleet), clock.GetUtcNow());
        world.Gateways["m2"].Imported.Add("Hotfix One");
        var sim = new GaiaSimulator(world);
        var m1 = new Target { Name = "m1", Host = "10.0.1.1" };
        var m2 = new Target { Name = "m2", Host = "10.0.1.2" };

        sim.Execute("m2", GaiaCommands.Install(m2, "Hotfix One"), clock.GetUtcNow());
        sim.Execute("m1", GaiaCommands.ClusterAdmin(m1, up: false), clock.GetUtcNow());

        world.Violations.Count.ShouldBe(1);
        world.Violations[0].ShouldContain("every member of cl is out of service");
    }

    [Test]
    public void ShellSyntaxThatEscapedQuotingIsRefusedAndRecorded()
    {
        var world = SimWorld.FromInventory(InventoryLoader.LoadText("fleet.yml", Fleet), DateTimeOffset.UnixEpoch);
        var sim = new GaiaSimulator(world);

        var reply = sim.Execute("gw1", "md5sum /var/log/upload/x.tgz; rm -rf /", DateTimeOffset.UnixEpoch);
        var substitution = sim.Execute("gw1", "echo $(id)", DateTimeOffset.UnixEpoch);

        reply.Exit.ShouldNotBe(0);
        substitution.Exit.ShouldNotBe(0);
        world.RefusedCommands.Count.ShouldBe(2);
    }
}
