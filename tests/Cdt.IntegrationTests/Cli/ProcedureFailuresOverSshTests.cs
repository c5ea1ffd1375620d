using Cdt.Fleet;
using Cdt.GatewayEmulator.Sshd;
using Cdt.IntegrationTests.Support;
using Cdt.Simulation;
using Cdt.Tests.Support;
using NUnit.Framework;
using Shouldly;

namespace Cdt.IntegrationTests.Cli;

/// <summary>
/// The fail-safe paths of the Security Group and pair procedures over real SSH: group A's install
/// fails on one member and the pair's install fails on the active node. Group B is never taken
/// down, the pair is never switched over or rebooted, and the run ends with exit code 1.
/// </summary>
public class ProcedureFailuresOverSshTests
{
    private const double Scale = 60;
    private SshdFleet _fleet = null!;
    private CliRunner.Outcome _execute = null!;
    private SimWorld _world = null!;
    private string _summary = null!;

    [OneTimeSetUp]
    public async Task GenerateAndExecuteOnce()
    {
        var net = LoopbackNet.Pick();
        _fleet = await SshdFleet.StartAsync(net, TestFleets.Procedures(net), Scale, tweak: w =>
        {
            w.Gateways["sg-lyon-1_2"].Faults.Add(Fault.InstallFails);
            w.Gateways["ap-billing-1"].Faults.Add(Fault.InstallFails);
        });
        var config = await TestFleets.WriteProceduresConfigAsync(_fleet);

        var generate = await CliRunner.RunAsync(_fleet.Folder, null, null, false, _fleet.Time, "generate", "--config", config, "--candidates", "list.csv");
        generate.ExitCode.ShouldBe(0, generate.Out + generate.Error);
        _execute = await CliRunner.RunAsync(_fleet.Folder, null, null, false, _fleet.Time, "execute", "--config", config, "list.csv");
        _world = await _fleet.WorldAsync();
        var summary = _execute.Out.Split('\n').SingleOrDefault(l => l.StartsWith("summary: ", StringComparison.Ordinal));
        _summary = summary is null ? string.Empty : await File.ReadAllTextAsync(summary["summary: ".Length..].Trim());
    }

    [OneTimeTearDown]
    public async Task StopFleet() => await _fleet.DisposeAsync();

    [Test]
    public void TheRunFailsWithExitCode1AndGroupBAndThePassiveNodeAreNotStarted()
    {
        _execute.Out.ShouldStartWith("0 succeeded, 3 failed, 3 not started", customMessage: _execute.Out + _execute.Error);
        _execute.ExitCode.ShouldBe(1);
    }

    [Test]
    public void GroupBIsNeverTakenDownAndAutoCloneIsPutBack()
    {
        _world.CommandLog.ShouldContain(c => c.Contains("g_clusterXL_admin -b 1_1,1_2 down", StringComparison.Ordinal));
        _world.CommandLog.ShouldNotContain(c => c.Contains("1_3,1_4 down", StringComparison.Ordinal) || c.Contains("member_ids 1_3", StringComparison.Ordinal));
        _world.Gateways["sg-lyon-1_3"].InstallCount.ShouldBeEmpty();
        _world.Gateways["sg-lyon-1_4"].InstallCount.ShouldBeEmpty();
        _world.Clusters["sg-lyon"].AutoClone.ShouldBeTrue();
    }

    [Test]
    public void TheSummarySaysWhichMembersAreInWhichStateAndWhatToDoNext()
    {
        _summary.ShouldContain("the install on group A (1_1, 1_2) failed on sg-lyon-1_1");
        _summary.ShouldContain("group B was never taken down and carries the traffic");
        _summary.ShouldContain("1_3: UP, 1_4: UP");
        _summary.ShouldContain("cdt resume --retry-failed");
        _summary.ShouldContain("ap-billing-1 was not rebooted and still carries the traffic");
    }

    [Test]
    public void ThePairIsNeitherSwitchedOverNorRebooted()
    {
        _world.CommandLog.ShouldNotContain(c => c.EndsWith("pairctl switchover", StringComparison.Ordinal) || c.EndsWith("pairctl reboot", StringComparison.Ordinal));
        _world.Gateways["ap-billing-1"].Role.ShouldBe(SimRole.Active);
        _world.Gateways["ap-billing-1"].Reboots.ShouldBe(0);
        _world.Gateways["ap-billing-2"].Reboots.ShouldBe(0);
    }

    [Test]
    public void SomeGroupOrNodeServedAtEveryMomentAndNothingWasRefused()
    {
        _world.Violations.ShouldBeEmpty();
        _world.RefusedCommands.ShouldBeEmpty();
    }
}
