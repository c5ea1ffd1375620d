using Cdt.Host;
using Cdt.Candidates;
using Cdt.Config;
using Cdt.Execution;
using Cdt.Execution.Choreography;
using Cdt.Execution.Steps;
using Cdt.Fleet;
using Cdt.Gaia;
using Cdt.Simulation;
using Cdt.Transport;

namespace Cdt.Tests.Support;

/// <summary>
/// Runs the execute engine on a simulated fleet from inventory text, every gateway in batch 1,
/// on a <see cref="ManualClock"/> under the <see cref="DeterministicRunner"/>: a night of installs
/// in milliseconds, exact and repeatable, with the simulator's command log and invariant record.
/// </summary>
public sealed class ProcedureHarness : IDisposable
{
    public const string PackageFile = "Check_Point_R81_20_JUMBO_HF_MAIN_Bundle_T92_FULL.tgz";
    public const string PackageName = "R81.20 Jumbo Hotfix Accumulator General Availability (Take 92)";

    private readonly string _folder;

    public ProcedureHarness(string inventoryYaml)
    {
        // The journal is flushed to disk at every event: on tmpfs that costs nothing.
        var root = Directory.Exists("/dev/shm") ? "/dev/shm" : Path.GetTempPath();
        _folder = Directory.CreateDirectory(Path.Combine(root, "cdt-engine-" + Guid.NewGuid().ToString("N"))).FullName;
        Inventory = InventoryLoader.LoadText("fleet.yml", $"packages:\n  - file: {PackageFile}\n    name: {PackageName}\n" + inventoryYaml);
        Clock = ManualClock.At("2026-11-22T01:00:00+00:00");
        World = SimWorld.FromInventory(Inventory, Clock.GetUtcNow());
        World.RecordCommands = true;
        PackagePath = Path.Combine(_folder, PackageFile);
        File.WriteAllText(PackagePath, "simulated package\n");
    }

    public FleetInventory Inventory { get; }

    public SimWorld World { get; }

    public ManualClock Clock { get; }

    public string PackagePath { get; }

    public ExecuteSettings Settings { get; set; } = new() { MaxParallel = 100 };

    public SecurityGroupSettings SecurityGroups { get; set; } = new();

    public ActivePassiveSettings ActivePassive { get; set; } = new();

    public bool Uninstall { get; set; }

    public RunState? State { get; private set; }

    /// <summary>Runs every gateway of the inventory in batch 1 (the package already installed: Installed).</summary>
    public RunResult Run(bool retryFailed = false)
    {
        var package = new PackageSpec { Path = PackagePath, Name = PackageName, Versions = ["R81.20"] };
        var rows = Inventory.Gateways.Select(g => new CandidateRow
        {
            ObjectName = g.Name,
            ClusterName = g.ClusterName ?? string.Empty,
            IpAddress = g.Ip,
            Version = g.Version,
            State = FleetNames.Text(g.State),
            Order = package.IsIn(g.InstalledPackages) && !Uninstall ? UpgradeOrder.Installed : UpgradeOrder.Batch(1),
        }).ToList();
        var plan = RunPlanBuilder.Build(rows, Inventory, Path.Combine(_folder, "list.csv"));
        var state = State ?? new RunState(plan);
        State = state;
        var config = new CdtConfig { Source = "cdt.conf", Inventory = "fleet.yml", Package = package };
        var shell = new SimulatorShell(World, Clock);
        return DeterministicRunner.Run(Clock, async () =>
        {
            using var journal = new RunJournal(LocalFileStore.Instance, Path.Combine(_folder, "journal.jsonl"));
            var recorder = new RunRecorder(journal, state, Clock, []);
            var context = new RunContext
            {
                Settings = Settings,
                Driver = new GaiaDriver(shell, Settings.CommandTimeout),
                Time = Clock,
                Files = LocalFileStore.Instance,
                Recorder = recorder,
                Steps = BasicPlan.Build(config, Uninstall),
                Package = package,
                RunFolder = _folder,
                RetryFailed = retryFailed,
                Uninstall = Uninstall,
                RemovesPackage = Uninstall,
                SecurityGroups = SecurityGroups,
                ActivePassive = ActivePassive,
            };
            using var control = new RunControl();
            var estimator = new DurationEstimator(new Dictionary<string, TimeSpan>(), Settings.Estimate, Settings.FailoverTimeout);
            return await new RunEngine(context, plan, new ChoreographyRegistry(), estimator).RunAsync(control);
        }, TimeSpan.FromDays(3));
    }

    public IReadOnlyList<RunEvent> Journal => RunJournal.Read(LocalFileStore.Instance, Path.Combine(_folder, "journal.jsonl"));

    public string Outcome(string unit) => State!.Units[unit].Outcome ?? string.Empty;

    public TargetStatus Status(string target) => State!.Targets[target].Status;

    /// <summary>The command lines the simulator received, without the per-member preparation noise when asked.</summary>
    public IReadOnlyList<string> Commands => World.CommandLog;

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
