using Cdt.GatewayEmulator.Sshd;
using Cdt.IntegrationTests.Support;
using Cdt.Simulation;
using Cdt.Tests.Support;
using NUnit.Framework;
using Shouldly;

namespace Cdt.IntegrationTests.Cli;

/// <summary>
/// cdt generate then cdt execute over real OpenSSH against one Maestro Security Group (each member
/// on its own address) and one active/passive pair behind sshd: group A taken down and installed
/// before group B, auto-clone put back, the pair switched over and never rebooted while active,
/// every member installed exactly once and some group or node serving traffic at every moment;
/// then <c>cdt generate --uninstall</c> and <c>cdt execute --uninstall</c> remove it from the
/// Security Group again the same way.
/// </summary>
public class ProceduresOverSshTests
{
    private const double Scale = 60;
    private static readonly string[] Members = ["sg-lyon-1_1", "sg-lyon-1_2", "sg-lyon-1_3", "sg-lyon-1_4"];
    private static readonly string[] PairNodes = ["ap-billing-1", "ap-billing-2"];

    /// <summary>The steps of the Security Group procedure that must come in this order.</summary>
    private static readonly string[] InstallOrder =
    [
        "set smo image auto-clone state off",
        "g_clusterXL_admin -b 1_1,1_2 down",
        "member_ids 1_1,1_2 not-interactive",
        "g_clusterXL_admin -b 1_3,1_4 down",
        "member_ids 1_3,1_4 not-interactive",
        "set smo image auto-clone state on",
    ];
    private SshdFleet _fleet = null!;
    private CliRunner.Outcome _execute = null!;
    private SimWorld _world = null!;
    private CliRunner.Outcome _uninstall = null!;
    private SimWorld _afterUninstall = null!;

    [OneTimeSetUp]
    public async Task GenerateAndExecuteOnce()
    {
        var net = LoopbackNet.Pick();
        _fleet = await SshdFleet.StartAsync(net, TestFleets.Procedures(net), Scale);
        var config = await TestFleets.WriteProceduresConfigAsync(_fleet);

        var generate = await CliRunner.RunAsync(_fleet.Folder, null, null, false, _fleet.Time, "generate", "--config", config, "--candidates", "list.csv");
        generate.ExitCode.ShouldBe(0, generate.Out + generate.Error);
        _execute = await CliRunner.RunAsync(_fleet.Folder, null, null, false, _fleet.Time, "execute", "--config", config, "list.csv");
        _world = await _fleet.WorldAsync();

        // The roll-back: a list for removing the package, generated from the installed fleet.
        var generateUninstall = await CliRunner.RunAsync(_fleet.Folder, null, null, false, _fleet.Time, "generate", "--config", config, "--uninstall", "--candidates", "remove.csv");
        generateUninstall.ExitCode.ShouldBe(0, generateUninstall.Out + generateUninstall.Error);
        _uninstall = await CliRunner.RunAsync(_fleet.Folder, null, null, false, _fleet.Time, "execute", "--config", config, "--uninstall", "remove.csv");
        _afterUninstall = await _fleet.WorldAsync();
    }

    [OneTimeTearDown]
    public async Task StopFleet() => await _fleet.DisposeAsync();

    [Test]
    public void EveryMemberAndBothNodesSucceed()
    {
        _execute.Out.ShouldStartWith("6 succeeded, 0 failed, 0 not started", customMessage: _execute.Out + _execute.Error);
        _execute.ExitCode.ShouldBe(0);
    }

    [Test]
    public void EverySecurityGroupMemberHasThePackageInstalledExactlyOnce()
    {
        foreach (var member in Members)
        {
            _world.Gateways[member].InstallCount.GetValueOrDefault(TestFleets.PackageName).ShouldBe(1, member);
            _world.Gateways[member].Installed.ShouldContain(TestFleets.PackageName);
        }
    }

    [Test]
    public void BothPairNodesAppliedBothRoundsAndTheOriginalPrimaryIsActiveAgain()
    {
        foreach (var node in PairNodes)
        {
            _world.Gateways[node].AppliedRounds.ShouldBe(2, node);
            _world.Gateways[node].UpdateRounds.ShouldBe(0, node);
            _world.Gateways[node].Reboots.ShouldBe(2, node);
        }

        _world.Gateways["ap-billing-1"].Role.ShouldBe(SimRole.Active);
    }

    [Test]
    public void SomeGroupOrNodeServedAtEveryMomentAndNothingWasRefused()
    {
        // The simulator records a violation for every moment no group or node served, for a member
        // installed while it carried traffic, and for a pair node rebooted while it was active.
        _world.Violations.ShouldBeEmpty();
        _world.RefusedCommands.ShouldBeEmpty();
    }

    [Test]
    public void GroupAIsTakenDownAndInstalledBeforeGroupBAndAutoCloneIsOnAgain()
    {
        var log = _world.CommandLog;
        int At(string text) => log.FindIndex(c => c.Contains(text, StringComparison.Ordinal));

        var order = InstallOrder.Select(At).ToList();

        order.ShouldAllBe(i => i >= 0, string.Join("\n", log));
        order.ShouldBeInOrder();
        log.Where(c => c.Contains("member_ids", StringComparison.Ordinal)).Count().ShouldBe(2);
        log.ShouldNotContain(c => c.Contains("member_ids all", StringComparison.Ordinal));
        _world.Clusters["sg-lyon"].AutoClone.ShouldBeTrue();
    }

    [Test]
    public void ThePairRebootsOnlyAfterASwitchoverAwayFromTheNode()
    {
        var log = _world.CommandLog.Where(c => c.StartsWith("ap-billing-", StringComparison.Ordinal)).ToList();
        var reboots = log.Select((c, i) => (c, i)).Where(x => x.c.EndsWith("pairctl reboot", StringComparison.Ordinal)).ToList();

        reboots.Count.ShouldBe(4);
        foreach (var (command, index) in reboots)
        {
            var node = command[..command.IndexOf(':', StringComparison.Ordinal)];
            log.Take(index).Last(c => c.EndsWith("pairctl switchover", StringComparison.Ordinal)).ShouldStartWith(node + ":");
        }
    }

    [Test]
    public void AnUninstallListRemovesThePackageFromTheSecurityGroupGroupByGroupAndRunsThePairsUninstall()
    {
        // generate --uninstall offers the members whose CPUSE shows the package, and the pair whole
        // (its own uninstall command knows what to remove).
        _uninstall.Out.ShouldStartWith("6 succeeded, 0 failed, 0 not started", customMessage: _uninstall.Out + _uninstall.Error);
        _uninstall.ExitCode.ShouldBe(0);
        foreach (var member in Members)
        {
            _afterUninstall.Gateways[member].Installed.ShouldNotContain(TestFleets.PackageName);
        }

        var log = _afterUninstall.CommandLog.Skip(_world.CommandLog.Count).ToList();
        var a = log.FindIndex(c => c.Contains("installer uninstall", StringComparison.Ordinal) && c.Contains("member_ids 1_1,1_2 not-interactive", StringComparison.Ordinal));
        var b = log.FindIndex(c => c.Contains("installer uninstall", StringComparison.Ordinal) && c.Contains("member_ids 1_3,1_4 not-interactive", StringComparison.Ordinal));
        a.ShouldBeGreaterThanOrEqualTo(0, string.Join("\n", log));
        b.ShouldBeGreaterThan(a);
        log.Count(c => c.Contains("member_ids", StringComparison.Ordinal)).ShouldBe(2);
        log.ShouldContain("ap-billing-1: pairctl uninstall --no-reboot");
        log.ShouldContain("ap-billing-2: pairctl uninstall --no-reboot");
        _afterUninstall.Clusters["sg-lyon"].AutoClone.ShouldBeTrue();
        _afterUninstall.Violations.ShouldBeEmpty();
        _afterUninstall.RefusedCommands.ShouldBeEmpty();
    }
}
