using Cdt.Fleet;
using Cdt.GatewayEmulator.Sshd;
using Cdt.IntegrationTests.Support;
using Cdt.Simulation;
using Cdt.Tests.Support;
using NUnit.Framework;
using Shouldly;

namespace Cdt.IntegrationTests.Cli;

/// <summary>
/// cdt generate then cdt execute against 23 emulated gateways behind real sshd processes: two
/// ClusterXL HA clusters and a VRRP pair upgraded member by member, the package installed exactly
/// once everywhere it applies, one TCP connection per gateway per run.
/// </summary>
public class ExecuteOverSshTests
{
    private const double Scale = 30;
    private LoopbackNet _net = null!;
    private SshdFleet _fleet = null!;
    private CliRunner.Outcome _execute = null!;
    private SimWorld _world = null!;
    private byte[] _package = null!;

    [OneTimeSetUp]
    public async Task GenerateAndExecuteOnce()
    {
        _net = LoopbackNet.Pick();
        _fleet = await SshdFleet.StartAsync(_net, TestFleets.Standard(_net, "{ install: 2m, reboot: 1m }"), Scale, tweak: w =>
        {
            w.Gateways["gw-12"].Version = "R81.20";
            w.Gateways["gw-05"].Faults.Add(Fault.DropDuringInstall);
            w.Gateways["gw-06"].Faults.Add(Fault.SlowReboot);
        });
        _package = System.Security.Cryptography.RandomNumberGenerator.GetBytes(200_000);
        await File.WriteAllBytesAsync(Path.Combine(_fleet.Folder, TestFleets.PackageFile), _package);
        var config = Path.Combine(_fleet.Folder, "cdt.conf");
        await File.WriteAllTextAsync(config, _fleet.Config($"""
            package:
              path: {TestFleets.PackageFile}
              name: {TestFleets.PackageName}
              versions: [R81.20]
            generate:
              batch_policy: single
            execute:
              max_parallel: 20
              expected_reboot: 1m
              poll_interval: 20s
            {UnscaledTimeouts.Execute(Scale)}
            """));

        var generate = await CliRunner.RunAsync(_fleet.Folder, null, null, false, _fleet.Time, "generate", "--config", config, "--candidates", "list.csv");
        generate.ExitCode.ShouldBe(0, generate.Error);
        _execute = await CliRunner.RunAsync(_fleet.Folder, null, null, false, _fleet.Time, "execute", "--config", config, "list.csv");
        _world = await _fleet.WorldAsync();
    }

    [OneTimeTearDown]
    public async Task StopFleet() => await _fleet.DisposeAsync();

    [Test]
    public void EveryEligibleExpertGatewaySucceedsAndTheClishLoginFailsClearly()
    {
        _execute.Out.ShouldStartWith("20 succeeded, 1 failed, 0 not started", customMessage: _execute.Out + _execute.Error);
        _execute.ExitCode.ShouldBe(1);
        var results = File.ReadAllLines(_execute.Out.Split('\n').Single(l => l.StartsWith("results: ", StringComparison.Ordinal))["results: ".Length..].Trim());
        results.Single(l => l.StartsWith("gw-14,", StringComparison.Ordinal)).ShouldContain("file copies need an Expert (bash) login shell");
    }

    [Test]
    public void AnInstallWhoseConnectionDroppedIsFollowedToTheEndAndASlowRebootIsWaitedFor()
    {
        _world.Gateways["gw-05"].InstallCount[TestFleets.PackageName].ShouldBe(1);
        _world.Gateways["gw-06"].InstallCount[TestFleets.PackageName].ShouldBe(1);
        var journal = File.ReadAllText(Path.Combine(_execute.Out.Split('\n').Single(l => l.StartsWith("logs: ", StringComparison.Ordinal))["logs: ".Length..].Trim(), "journal.jsonl"));
        journal.ShouldContain("confirmed after reconnecting");
    }

    [Test]
    public void ThePackageIsInstalledExactlyOnceWhereverItApplies()
    {
        var expected = _world.Gateways.Keys.Where(n => n is not ("gw-14" or "gw-15" or "gw-16")).ToList();

        expected.Count.ShouldBe(20);
        foreach (var name in expected)
        {
            _world.Gateways[name].InstallCount.GetValueOrDefault(TestFleets.PackageName).ShouldBe(1, name);
            _world.Gateways[name].Installed.ShouldContain(TestFleets.PackageName);
            File.ReadAllBytes(Path.Combine(_fleet.State.FilesOf(name), "var/log/upload", TestFleets.PackageFile)).ShouldBe(_package, name);
        }

        _world.Gateways["gw-14"].InstallCount.ShouldBeEmpty();
        _world.Gateways["gw-15"].InstallCount.ShouldBeEmpty();
        _world.Gateways["gw-16"].InstallCount.ShouldBeEmpty();
    }

    [Test]
    public void TheSentPackagesChecksumIsReadBeforeTheCopyAndByTheCopyButNotAgainAfterIt()
    {
        // One md5sum asks whether the package is already there; the copy reads it back in the same
        // command (mkdir, dd, md5sum), so no separate md5sum follows.
        _world.CommandLog.Count(c => c.StartsWith("gw-01: md5sum", StringComparison.Ordinal)).ShouldBe(2, string.Join("\n", _world.CommandLog.Where(c => c.StartsWith("gw-01:", StringComparison.Ordinal))));
    }

    [Test]
    public void NoClusterWasEverWhollyOutOfServiceAndNothingWasRefused()
    {
        _world.Violations.ShouldBeEmpty();
        _world.RefusedCommands.ShouldBeEmpty();
        _world.Gateways.Values.Where(g => g.Cluster is not null).ShouldAllBe(g => g.Reboots == 1);
    }

    [Test]
    public void EachRunUsedOneTcpConnectionPerGateway()
    {
        for (var i = 1; i <= 23; i++)
        {
            _fleet.ConnectionsTo(_net.Address(i)).ShouldBe(i is 15 or 16 ? 1 : 2, $"gateway {i}: one connection for generate, one for execute");
        }
    }
}
