using Cdt.Fleet;
using Cdt.GatewayEmulator.Sshd;
using Cdt.IntegrationTests.Support;
using Cdt.Simulation;
using Cdt.Tests.Support;
using NUnit.Framework;
using Shouldly;

namespace Cdt.IntegrationTests.Cli;

/// <summary>cdt generate and validate against 23 emulated gateways behind real sshd processes.</summary>
public class GenerateOverSshTests
{
    private LoopbackNet _net = null!;
    private SshdFleet _fleet = null!;
    private string _config = null!;
    private CliRunner.Outcome _generate = null!;
    private List<string[]> _rows = null!;

    [OneTimeSetUp]
    public async Task GenerateOnce()
    {
        _net = LoopbackNet.Pick();
        _fleet = await SshdFleet.StartAsync(_net, TestFleets.Standard(_net), scale: 60, tweak: RealityDiffersFromTheInventory);
        _config = Path.Combine(_fleet.Folder, "cdt.conf");
        await File.WriteAllTextAsync(Path.Combine(_fleet.Folder, TestFleets.PackageFile), "package bytes");
        await File.WriteAllTextAsync(_config, _fleet.Config($"""
            package:
              path: {TestFleets.PackageFile}
              name: {TestFleets.PackageName}
              versions: [R81.20]
            generate:
              batch_policy: fixed
              batch_size: 8
            execute:
            {UnscaledTimeouts.Execute(_fleet.Time.Scale)}
            """));
        _generate = await CliRunner.RunAsync(_fleet.Folder, null, null, false, _fleet.Time, "generate", "--config", _config, "--candidates", "list.csv");
        _rows = (await File.ReadAllLinesAsync(Path.Combine(_fleet.Folder, "list.csv"))).Skip(1).Select(l => l.Split(',')).ToList();
    }

    [OneTimeTearDown]
    public async Task StopFleet() => await _fleet.DisposeAsync();

    [Test]
    public void GenerateSucceedsAndNamesTheList()
    {
        _generate.ExitCode.ShouldBe(0, _generate.Error);
        _generate.Out.ShouldEndWith("The generated candidates list is: " + Path.Combine(_fleet.Folder, "list.csv") + "\n");
        _rows.Count.ShouldBe(23);
    }

    [Test]
    public void EveryGatewayWasAskedOverItsOwnSingleConnection()
    {
        for (var i = 1; i <= 23; i++)
        {
            _fleet.ConnectionsTo(_net.Address(i)).ShouldBe(1, $"TCP connections to gateway {i}");
        }
    }

    [Test]
    public async Task WhatTheGatewaysSaidWinsOverTheInventory()
    {
        Row("gw-12")[3].ShouldBe("R81.20");
        Row("gw-12")[5].ShouldNotBe("N/A");
        Row("gw-15")[5].ShouldBe("Installed");
        Row("gw-16")[5].ShouldBe("N/A");
        Row("cl-a-m1")[4].ShouldBe("standby");
        Row("cl-a-m2")[4].ShouldBe("active");
        Row("cl-v-m1")[4].ShouldBe("master");
        Row("cl-v-m2")[4].ShouldBe("backup");
        (await File.ReadAllTextAsync(Path.Combine(_fleet.Folder, "list.csv.reasons.txt"))).ShouldContain("gw-16: ");
    }

    [Test]
    public void ClustersShareABatch()
    {
        foreach (var cluster in new[] { "cl-a", "cl-b", "cl-v" })
        {
            _rows.Where(r => r[1] == cluster).Select(r => r[5]).Distinct().Count().ShouldBe(1, cluster);
        }
    }

    [Test]
    public async Task TheLoginShellDecidesHowClishIsReachedAndNothingWasRefused()
    {
        var world = await _fleet.WorldAsync();

        world.CommandLog.ShouldContain("gw-01: fw ver");
        world.CommandLog.ShouldContain("gw-01: clish -c 'show installer packages installed'");
        world.CommandLog.ShouldContain("gw-14: show version product");
        world.CommandLog.ShouldContain("gw-14: show installer packages installed");
        world.CommandLog.Where(l => l.StartsWith("gw-13: ", StringComparison.Ordinal)).ShouldBe(["gw-13: show version product", "gw-13: show version product", "gw-13: show installer packages installed"]);
        world.CommandLog.ShouldContain("cl-b-m2: cphaprob state");
        world.CommandLog.ShouldContain("cl-v-m1: clish -c 'show vrrp'");
        world.RefusedCommands.ShouldBeEmpty();
        world.Violations.ShouldBeEmpty();
    }

    [Test]
    public async Task TheGeneratedListValidatesAndAnEditedCellIsRefused()
    {
        var valid = await CliRunner.RunAsync(_fleet.Folder, null, null, false, _fleet.Time, "validate", "--config", _config, "list.csv");
        var list = await File.ReadAllTextAsync(Path.Combine(_fleet.Folder, "list.csv"));
        var tampered = Path.Combine(_fleet.Folder, "tampered.csv");
        File.Copy(Path.Combine(_fleet.Folder, "list.csv.gen.json"), tampered + ".gen.json");
        await File.WriteAllTextAsync(tampered, list.Replace($"gw-01,,{_net.Address(1)},", $"gw-01,,\"{_net.Address(1)}; rm -rf /\",", StringComparison.Ordinal));

        var refused = await CliRunner.RunAsync(_fleet.Folder, null, null, false, _fleet.Time, "validate", "--config", _config, "tampered.csv");

        valid.ExitCode.ShouldBe(0, valid.Error);
        refused.ExitCode.ShouldBe(2);
        refused.Error.ShouldContain("only Upgrade Order may be edited");
    }

    private string[] Row(string name) => _rows.Single(r => r[0] == name);

    /// <summary>What the probe must find out: a version and cluster roles the inventory has wrong, a shell it leaves open.</summary>
    private static void RealityDiffersFromTheInventory(SimWorld world)
    {
        world.Gateways["gw-12"].Version = "R81.20";
        world.Gateways["gw-13"].Shell = LoginShell.Clish;
        world.Gateways["cl-a-m1"].Role = SimRole.Standby;
        world.Gateways["cl-a-m2"].Role = SimRole.Active;
    }
}
