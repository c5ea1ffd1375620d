using Cdt.Config;
using Cdt.Execution.Policy;
using Cdt.Fleet;
using Cdt.Simulation;
using Cdt.Tests.Support;
using NUnit.Framework;
using Shouldly;

namespace Cdt.Tests.Simulation;

public class SimPolicyInstallerTests
{
    private static readonly Gateway Healthy = new() { Name = "gw1", Ip = "10.0.0.1", Version = "R81.20" };

    private static readonly Gateway Faulty = Healthy with { Name = "gw2", Simulation = new SimulationProfile { Faults = new HashSet<Fault> { Fault.PolicyInstallFails } } };

    [Test]
    public async Task ATaskRunsForItsDurationThenSucceeds()
    {
        var clock = ManualClock.At("2026-11-22T01:00:00+00:00");
        await using var installer = new SimPolicyInstaller(clock);

        var start = await installer.StartAsync(Request(Healthy), default);

        start.Started.ShouldBeTrue();
        start.Package.ShouldBe("Standard");
        (await installer.ShowAsync(start.TaskId, default)).Status.ShouldBe(PolicyTaskStatus.InProgress);
        clock.Advance(installer.Duration);
        (await installer.ShowAsync(start.TaskId, default)).Status.ShouldBe(PolicyTaskStatus.Succeeded);
    }

    [Test]
    public async Task AMemberWithTheFaultFailsItsUnitsTask()
    {
        var clock = ManualClock.At("2026-11-22T01:00:00+00:00");
        await using var installer = new SimPolicyInstaller(clock);
        var start = await installer.StartAsync(Request(Healthy, Faulty) with { Package = "Branch" }, default);
        clock.Advance(installer.Duration);

        var progress = await installer.ShowAsync(start.TaskId!, default);

        start.Package.ShouldBe("Branch");
        progress.ShouldBe(PolicyProgress.Failed("Policy installation failed on gw2 (simulated fault policy_install_fails)"));
    }

    [Test]
    public async Task AnotherProcessFollowsTheSameTaskAndRefusesOneItDidNotStart()
    {
        var clock = ManualClock.At("2026-11-22T01:00:00+00:00");
        var start = await new SimPolicyInstaller(clock).StartAsync(Request(Healthy), default);
        clock.Advance(TimeSpan.FromMinutes(5));
        var restarted = new SimPolicyInstaller(clock);

        (await restarted.ShowAsync(start.TaskId!, default)).Status.ShouldBe(PolicyTaskStatus.Succeeded);
        (await restarted.ShowAsync("4f1c-not-ours", default)).Status.ShouldBe(PolicyTaskStatus.Failed);
        restarted.Starts.ShouldBeEmpty();
    }

    private static PolicyRequest Request(params Gateway[] members) => new()
    {
        Unit = "cl-a",
        Targets = ["cl-a"],
        Policies = PolicyInstall.AccessThreat,
        Members = members,
    };
}
