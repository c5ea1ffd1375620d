using Cdt.Host;
using Cdt.Config;
using Cdt.Fleet;
using Cdt.Scheduling;
using Cdt.Simulation;
using Cdt.Tests.Support;
using Cdt.Transport;
using NUnit.Framework;
using Shouldly;

namespace Cdt.Tests.Scheduling;

/// <summary>The scheduler's own gateway work on the simulated fleet, with transfer failures injected per gateway.</summary>
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)] // each test gets its own clock: a daemon test moves it by hours
public class ShellScheduleFleetTests
{
    private const string Package = "Check_Point_R81_20_JUMBO_HF_MAIN_Bundle_T92_FULL.tgz";

    private const string FleetYaml = """
        packages:
          - file: Check_Point_R81_20_JUMBO_HF_MAIN_Bundle_T92_FULL.tgz
            name: R81.20 Jumbo Hotfix Accumulator General Availability (Take 92)
        gateways:
          - { name: gw-a, ip: 10.0.0.1, version: R81.20 }
          - { name: gw-b, ip: 10.0.0.2, version: R81.20, simulation: { transfer_failures: 15 } }
          - { name: gw-c, ip: 10.0.0.3, version: R81.20, simulation: { faults: [corrupt_transfer] } }
          - { name: gw-old, ip: 10.0.0.4, version: R80.40 }
        """;

    private const string List = """
        Object Name,Cluster Name,IP Address,Version,State,Upgrade Order
        gw-a,,10.0.0.1,R81.20,,1
        gw-b,,10.0.0.2,R81.20,,2
        gw-c,,10.0.0.3,R81.20,,-
        gw-old,,10.0.0.4,R80.40,,N/A
        """;

    private readonly ManualClock _clock = ManualClock.At("2026-11-20T12:00:00Z");

    [Test]
    public void TheTargetsAreTheRowsInABatchAndThePackageIsKnownByItsChecksum()
    {
        using var setup = new Setup(_clock);

        var plan = setup.Fleet.Resolve(setup.Schedule);

        plan.Error.ShouldBeNull();
        plan.Targets.ShouldBe(["gw-a", "gw-b"]);
        plan.Package.ShouldBe(Package);
        plan.PackageMd5.ShouldBe("0c1eddbcf1b4bd6511b8f417f773edc2");
    }

    [Test]
    public void APlanThatOnlyUninstallsHasNothingToSendAhead()
    {
        using var setup = new Setup(_clock);
        var plan = Path.Combine(Path.GetDirectoryName(setup.Config.Source)!, "remove.yml");
        File.WriteAllText(plan, "actions:\n  - action: uninstall_package\n    name: Old Take\n");

        var resolved = setup.Fleet.Resolve(setup.Schedule with { Package = null, Plan = plan });

        resolved.Error.ShouldBeNull();
        resolved.NothingToSend.ShouldBeTrue();
        resolved.Targets.ShouldBe(["gw-a", "gw-b"]);
    }

    [Test]
    public void AnUninstallScheduleSendsNothingAheadAndStillRunsItsWindow()
    {
        using var setup = new Setup(_clock);
        var plan = Path.Combine(Path.GetDirectoryName(setup.Config.Source)!, "remove.yml");
        File.WriteAllText(plan, "actions:\n  - action: uninstall_package\n    name: Old Take\n");
        var schedule = setup.Schedule with { Package = null, Plan = plan };
        var ports = setup.Ports(new FakeLauncher(_clock));

        DeterministicRunner.Run(_clock, async () =>
        {
            using var stop = new CancellationTokenSource(TimeSpan.FromHours(14), _clock);
            await new SchedulerDaemon(ports).RunAsync([schedule], stop.Token);
        });

        setup.Shell.Sends.ShouldBeEmpty();
        var state = ports.Store.Read("nightly").State!;
        (state.LastPreparation!.Outcome, state.LastPreparation.Message).ShouldBe(("nothing to send", "the plan installs no package"));
        state.WarningFlag.ShouldBeNull();
        ((FakeLauncher)ports.Launcher).Calls.ShouldHaveSingleItem();
    }

    [Test]
    public void AnAttemptSendsTheFileChecksItsChecksumAndIsNotRepeatedOnceItIsThere()
    {
        using var setup = new Setup(_clock);
        var s = setup.Schedule;

        var attempts = DeterministicRunner.Run(_clock, async () => new[]
        {
            await setup.Fleet.TransferOnceAsync(s, "gw-a", CancellationToken.None),
            await setup.Fleet.TransferOnceAsync(s, "gw-a", CancellationToken.None),
            await setup.Fleet.TransferOnceAsync(s, "gw-b", CancellationToken.None),
            await setup.Fleet.TransferOnceAsync(s, "gw-c", CancellationToken.None),
        });

        attempts[0].ShouldBe(TransferAttempt.Ok);
        attempts[1].ShouldBe(TransferAttempt.Ok);
        setup.Shell.Sends["gw-a"].ShouldBe(1, "the second attempt found the same MD5 there");
        attempts[2].ShouldBe(TransferAttempt.Failed("connection dropped: scp: Connection closed"));
        attempts[3].Error.ShouldBe("exit 1: checksum mismatch after copying to /var/log/upload/" + Package + ": sent md5 0c1eddbcf1b4bd6511b8f417f773edc2, the gateway has 00000000000000000000000000000000");
    }

    [Test]
    public void FifteenInjectedFailuresCostTenAttemptsAheadAndSixBeforeTheInstall()
    {
        using var setup = new Setup(_clock);
        var ports = setup.Ports(new FakeLauncher(_clock));

        DeterministicRunner.Run(_clock, async () =>
        {
            using var stop = new CancellationTokenSource(TimeSpan.FromHours(14), _clock);
            await new SchedulerDaemon(ports).RunAsync([setup.Schedule], stop.Token);
        });

        setup.Shell.Sends["gw-b"].ShouldBe(16);
        setup.World.Gateways["gw-b"].TransferFailuresLeft.ShouldBe(0);
        var gwB = ports.Store.Read("nightly").State!.Download!.Targets.Single(t => t.Name == "gw-b");
        (gwB.AheadAttempts, gwB.FinalAttempts, gwB.Verified).ShouldBe((10, 6, true));
        ((FakeLauncher)ports.Launcher).Calls.ShouldHaveSingleItem();
    }

    [Test]
    public void AMissingListIsReportedWithWhatToDo()
    {
        using var setup = new Setup(_clock);
        File.Delete(setup.Schedule.Candidates);

        setup.Fleet.Resolve(setup.Schedule).Error.ShouldBe(setup.Schedule.Candidates + ": candidates list not found: run 'cdt generate' first, or check the path");
    }

    [Test]
    public void TheNoticeCommandRunsOnTheGateway()
    {
        using var setup = new Setup(_clock);

        var result = DeterministicRunner.Run(_clock, () => setup.Fleet.RunNoticeAsync(setup.Schedule, "gw-a", CancellationToken.None));

        result.Stdout.ShouldBe("maintenance at 02:30\n");
        setup.World.RefusedCommands.ShouldBeEmpty();
    }

    private sealed class Setup : IDisposable
    {
        private readonly TempFolder _temp = new();

        public Setup(ManualClock clock)
        {
            _temp.Write("fleet.yml", FleetYaml);
            _temp.Write("list.csv", List);
            _temp.Write(Package, "simulated package\n");
            var config = ConfigLoader.LoadText(_temp.File("cdt.conf"), $$"""
                inventory: fleet.yml
                package: { path: {{Package}} }
                schedules:
                  - name: nightly
                    candidates: list.csv
                    time_zone: Europe/Paris
                    preparation: "30 1 * * *"
                    install: { cron: "30 2 * * *", duration: 3h }
                    notice_command: echo maintenance at 02:30
                """, _temp.Path);
            Config = config;
            Schedule = config.Schedules[0];
            Clock = clock;
            World = SimWorld.FromInventory(InventoryLoader.LoadFile(LocalFileStore.Instance, config.Inventory), clock.GetUtcNow());
            Shell = new CountingShell(new SimulatorShell(World, clock));
            Fleet = new ShellScheduleFleet(LocalFileStore.Instance, config.Inventory, _ => Shell);
        }

        public CdtConfig Config { get; }

        public ScheduleSettings Schedule { get; }

        public ManualClock Clock { get; }

        public SimWorld World { get; }

        public CountingShell Shell { get; }

        public ShellScheduleFleet Fleet { get; }

        public SchedulerPorts Ports(IScheduledRunLauncher launcher)
        {
            var processes = new FakeProcessTable();
            return new SchedulerPorts
            {
                Store = new ScheduleStateStore(LocalFileStore.Instance, Config.StateDir),
                Files = LocalFileStore.Instance,
                Time = Clock,
                Launcher = launcher,
                Fleet = Fleet,
                Processes = processes,
                Identity = processes.Process(1001),
                Log = new ListLogger(),
            };
        }

        public void Dispose() => _temp.Dispose();
    }
}
