using Cdt.GatewayEmulator.Sshd;
using Cdt.IntegrationTests.Support;
using Cdt.Tests.Support;
using NUnit.Framework;
using Shouldly;

namespace Cdt.IntegrationTests.Management;

/// <summary>
/// Faults of the management server during <c>cdt execute</c> with <c>transport: management</c>, as
/// the cdt executable: a task that fails, a locked object and a task that never ends fail only their
/// own target, each with its reason; a server that stops answering mid-run is reported by the
/// targets in flight, and <c>cdt resume --retry-failed</c> completes the run once it answers again,
/// every package installed exactly once and no cluster ever wholly out of service.
/// </summary>
public class ManagementFaultRunTests
{
    private ManagementFleet _fleet = null!;

    [SetUp]
    public async Task StartFleet()
    {
        var net = LoopbackNet.Pick();
        var simulation = "{ install: 2m, reboot: 1m }";
        var fleet = new FleetBuilder().Package(TestFleets.PackageFile, TestFleets.PackageName);
        for (var i = 1; i <= 4; i++)
        {
            fleet.Gateway($"gw-{i:00}", net.Address(i), "R81.20", "simulation: " + simulation);
        }

        fleet.Cluster("cl-a", "clusterxl-ha", "R81.20", [new(net.Address(5), "active"), new(net.Address(6), "standby")], simulation);
        _fleet = await ManagementFleet.StartAsync(fleet.ToString());
        var generate = await _fleet.RunAsync("generate", "--config", "cdt.conf", "--candidates", "list.csv");
        generate.ExitCode.ShouldBe(0, generate.Error);
    }

    [TearDown]
    public async Task StopFleet() => await _fleet.DisposeAsync();

    [Test]
    public async Task AFailedTaskALockedObjectAndAnEndlessTaskFailOnlyTheirTarget()
    {
        var faults = _fleet.Emulator.Faults;
        faults.FailingTasks = new HashSet<string> { "gw-02" };
        faults.LockedObjects = new HashSet<string> { "gw-03" };
        faults.EndlessTasks = new HashSet<string> { "gw-04" };

        var run = await _fleet.RunAsync("execute", "--config", "cdt.conf", "list.csv");

        run.ExitCode.ShouldNotBe(0);
        run.Out.ShouldStartWith("3 succeeded, 3 failed, 0 not started", customMessage: run.Out + run.Error);
        var results = ManagementFleet.Results(run);
        Row(results, "gw-02").ShouldContain("the management server did not reach gw-02: failed: Failed to run the script on gw-02: CPD on the gateway did not respond");
        Row(results, "gw-03").ShouldContain($"management server {_fleet.Name}: run-script: HTTP 409 (generic_err_object_locked: Object [gw-03] is locked by another session)");
        Row(results, "gw-04").ShouldContain("connection dropped: run-script on gw-04 still running after 3s");
        var world = _fleet.Gateways.World;
        world.Gateways["gw-01"].InstallCount[TestFleets.PackageName].ShouldBe(1);
        world.Gateways["cl-a-m1"].InstallCount[TestFleets.PackageName].ShouldBe(1);
        world.Gateways["cl-a-m2"].InstallCount[TestFleets.PackageName].ShouldBe(1);
        foreach (var name in (string[])["gw-02", "gw-03", "gw-04"])
        {
            world.Gateways[name].InstallCount.ShouldBeEmpty(name);
        }

        world.Violations.ShouldBeEmpty();
        _fleet.Emulator.OpenSessions.ShouldBe(0);
    }

    [Test]
    public async Task AServerThatStopsAnsweringMidRunIsReportedAndResumeCompletesOnceItIsBack()
    {
        var execute = _fleet.RunAsync("execute", "--config", "cdt.conf", "list.csv");
        var installing = await Poll.UntilAsync(() => Task.FromResult(_fleet.Gateways.Read(w => w.Gateways.Values.Any(g => g.Busy is not null))), TimeSpan.FromSeconds(60));
        installing.ShouldBeTrue("an install started");
        _fleet.Emulator.Faults.Silent = true;

        var first = await execute;

        first.ExitCode.ShouldNotBe(0, first.Out + first.Error);
        var results = ManagementFleet.Results(first);
        results.Count(l => l.Contains($"management server {_fleet.Name}: run-script: no answer within 3 s", StringComparison.Ordinal)).ShouldBeGreaterThan(0, string.Join('\n', results));
        _fleet.Emulator.Faults.Silent = false;

        var resumed = await _fleet.RunAsync("resume", "--config", "cdt.conf", "list.csv", "--retry-failed");

        resumed.ExitCode.ShouldBe(0, resumed.Out + resumed.Error);
        var world = _fleet.Gateways.World;
        world.Gateways.Values.ShouldAllBe(g => g.InstallCount[TestFleets.PackageName] == 1);
        world.Violations.ShouldBeEmpty();
        world.RefusedCommands.ShouldBeEmpty();
    }

    [Test]
    public async Task ASessionTheServerEndsMidRunIsReplacedByANewLoginAndTheRunCompletes()
    {
        var logins = _fleet.Emulator.Counters.Logins;
        _fleet.Emulator.Faults.ExpireSessionAfterCalls = 60;

        var run = await _fleet.RunAsync("execute", "--config", "cdt.conf", "list.csv");

        run.ExitCode.ShouldBe(0, run.Out + run.Error);
        (_fleet.Emulator.Counters.Logins - logins).ShouldBeGreaterThan(1);
        _fleet.Gateways.World.Gateways.Values.ShouldAllBe(g => g.InstallCount[TestFleets.PackageName] == 1);
        _fleet.Emulator.OpenSessions.ShouldBe(0);
    }

    private static string Row(string[] results, string name) => results.Single(l => l.StartsWith(name + ",", StringComparison.Ordinal));
}
