using Cdt.Fleet;
using Cdt.Gaia;
using Cdt.Simulation;
using NUnit.Framework;
using Shouldly;

namespace Cdt.Tests.Simulation;

/// <summary>The simulated CPUSE refuses a package built for another version, as the real one does, so the simulator cannot hide a missing version check.</summary>
public class InstallerVerifyTests
{
    private const string Package = "R81.20 Jumbo Hotfix Accumulator General Availability (Take 92)";

    private static GaiaSimulator Fleet(string version)
    {
        var inventory = InventoryLoader.LoadText("f.yml", $$"""
            packages:
              - { file: Check_Point_R81_20_JUMBO_HF_MAIN_Bundle_T92_FULL.tgz, name: {{Package}} }
            gateways:
              - { name: gw-1, ip: 10.0.0.1, version: {{version}} }
            """);
        var world = SimWorld.FromInventory(inventory, DateTimeOffset.UnixEpoch);
        world.Gateways["gw-1"].Imported.Add(Package);
        return new GaiaSimulator(world);
    }

    private static SimReply Run(GaiaSimulator sim, string verb) =>
        sim.Execute("gw-1", $"clish -c 'installer {verb} \"{Package}\" not-interactive'", DateTimeOffset.UnixEpoch);

    [Test]
    public void VerifyRefusesAPackageForAnotherVersion()
    {
        var reply = Run(Fleet("R80.40"), "verify");

        reply.Exit.ShouldBe(1);
        var verdict = VerifyParser.Parse(reply.Stdout).Value!;
        verdict.Allowed.ShouldBeFalse();
        verdict.Text.ShouldBe("Verifier results: Installation is not allowed. Reason: The package is not supported on R80.40; it applies to R81.20.");
    }

    [Test]
    public void InstallRefusesAPackageForAnotherVersionAndInstallsNothing()
    {
        var sim = Fleet("R80.40");

        var reply = Run(sim, "install");

        reply.Exit.ShouldBe(1);
        reply.Stderr.ShouldContain("not supported on R80.40");
        sim.World.Gateways["gw-1"].Busy.ShouldBeNull();
        sim.World.Events.ShouldBeEmpty();
    }

    [Test]
    public void VerifyAllowsAPackageForTheGatewaysVersion()
    {
        var reply = Run(Fleet("R81.20"), "verify");

        reply.Exit.ShouldBe(0);
        VerifyParser.Parse(reply.Stdout).Value!.Allowed.ShouldBeTrue();
    }
}
