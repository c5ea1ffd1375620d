using Cdt.GatewayEmulator.Sshd;
using Cdt.IntegrationTests.Support;
using NUnit.Framework;
using Shouldly;

namespace Cdt.IntegrationTests.Management;

/// <summary>
/// cdt generate then cdt execute with <c>transport: management</c>, as the cdt executable, on the
/// standard fleet (16 standalone gateways, two ClusterXL clusters and a VRRP pair) behind the
/// Management API emulator: every command a run-script, every file a put-file, installs outliving
/// the server's script limit followed up as after a dropped connection; each gateway installed
/// exactly once, no cluster ever wholly out of service, one session, no secret shown.
/// </summary>
public class ExecuteThroughManagementTests
{
    private ManagementFleet _fleet = null!;
    private CdtProcess.Outcome _generate = null!;
    private CdtProcess.Outcome _execute = null!;

    [OneTimeSetUp]
    public async Task GenerateAndExecuteOnce()
    {
        _fleet = await ManagementFleet.StartAsync(TestFleets.Standard(LoopbackNet.Pick(), "{ install: 2m, reboot: 1m }"));
        _generate = await _fleet.RunAsync("generate", "--config", "cdt.conf", "--candidates", "list.csv");
        _generate.ExitCode.ShouldBe(0, _generate.Error);
        _execute = await _fleet.RunAsync("execute", "--config", "cdt.conf", "list.csv");
    }

    [OneTimeTearDown]
    public async Task Stop() => await _fleet.DisposeAsync();

    [Test]
    public void EveryGatewayTheListAllowsSucceeds()
    {
        _execute.ExitCode.ShouldBe(0, _execute.Out + _execute.Error);
        _execute.Out.ShouldStartWith("20 succeeded, 0 failed, 0 not started", customMessage: _execute.Out + _execute.Error);
    }

    [Test]
    public void ThePackageIsInstalledExactlyOnceWhereverItAppliesAndItsCopyIsWhole()
    {
        var world = _fleet.Gateways.World;
        var expected = world.Gateways.Keys.Where(n => n is not ("gw-12" or "gw-15" or "gw-16")).ToList();

        expected.Count.ShouldBe(20);
        foreach (var name in expected)
        {
            world.Gateways[name].InstallCount.GetValueOrDefault(TestFleets.PackageName).ShouldBe(1, name);
            world.Gateways[name].Files["/var/log/upload/" + TestFleets.PackageFile].Content.ShouldBe("package bytes"u8.ToArray(), name);
        }

        world.Gateways["gw-12"].InstallCount.ShouldBeEmpty();
        world.Gateways["gw-15"].InstallCount.ShouldBeEmpty();
        world.Gateways["gw-16"].InstallCount.ShouldBeEmpty();
    }

    [Test]
    public void ThePolicyIsInstalledOnceOnEachUnitAfterItsPackageByDefault()
    {
        // inventory.management without execute.install_policy: access+threat, as CDT, said in a note.
        (_execute.Out + _execute.Error).ShouldContain("execute.install_policy is not set");
        string[] units = [.. Enumerable.Range(1, 14).Where(i => i != 12).Select(i => $"gw-{i:00}"), "cl-a", "cl-b", "cl-v"];
        foreach (var unit in units)
        {
            _fleet.Emulator.Policies.Installs(unit).ShouldBe(1, unit);
        }

        foreach (var member in _fleet.Gateways.World.Gateways.Values.Where(g => g.Cluster is not null))
        {
            _fleet.Emulator.Policies.Installs(member.Name).ShouldBe(0, member.Name + ": a cluster's policy goes to the cluster object");
        }

        _fleet.Emulator.Policies.Installs("gw-12").ShouldBe(0, "a gateway the package does not apply to was never in the run");
    }

    [Test]
    public void InstallsOutlivingTheScriptLimitWereFollowedUp()
    {
        var logs = _execute.Out.Split('\n').Single(l => l.StartsWith("logs: ", StringComparison.Ordinal))["logs: ".Length..].Trim();
        var text = string.Concat(Directory.EnumerateFiles(logs, "*", SearchOption.AllDirectories).Select(File.ReadAllText));
        text.ShouldContain("script_limit");
        text.ShouldContain("following the install");
    }

    [Test]
    public void NoClusterWasEverWhollyOutOfServiceAndNothingWasRefused()
    {
        var world = _fleet.Gateways.World;
        world.Violations.ShouldBeEmpty();
        world.RefusedCommands.ShouldBeEmpty();
        world.Gateways.Values.Where(g => g.Cluster is not null).ShouldAllBe(g => g.Reboots == 1);
    }

    [Test]
    public void OneSessionPerCommandClosedAfterwardsAndNoSecretShown()
    {
        var counters = _fleet.Emulator.Counters;
        counters.Logins.ShouldBe(4, "the inventory read and the probe of generate, then execute's gateway session and its policy session");
        counters.Logouts.ShouldBe(4);
        _fleet.Emulator.OpenSessions.ShouldBe(0);
        string[] secrets = [ManagementFleet.Password, .. counters.IssuedSids];
        var seen = new List<string> { _generate.Out, _generate.Error, _execute.Out, _execute.Error };
        seen.AddRange(Directory.EnumerateFiles(_fleet.Folder, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith(".tgz", StringComparison.Ordinal)).Select(File.ReadAllText));
        foreach (var text in seen)
        {
            foreach (var secret in secrets)
            {
                text.ShouldNotContain(secret);
            }
        }
    }

    [Test]
    public void EveryGatewayWasReachedOnlyThroughTheApi()
    {
        var counters = _fleet.Emulator.Counters;
        counters.Calls("run-script").ShouldBeGreaterThan(20 * 5);
        counters.Calls("put-file").ShouldBe(20, "one package copy per gateway that installs");
        _fleet.Gateways.World.Gateways.Keys.ShouldAllBe(n => counters.CallsFor(n) > 0);
    }
}
