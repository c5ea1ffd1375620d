using Cdt.Cli;
using Cdt.Host;
using Cdt.Candidates;
using Cdt.Config;
using Cdt.Execution;
using Cdt.Execution.Choreography;
using Cdt.Execution.Steps;
using Cdt.Fleet;
using Cdt.Simulation;
using Cdt.Transport;

namespace Cdt.Tests.Support;

/// <summary>
/// A whole run on the simulated fleet with a manual clock: writes the inventory and cdt.conf into
/// a temp folder, generates the list, and runs execute/resume through the real ExecutionService.
/// The simulated world survives between runs, as real gateways survive a crashed controller.
/// </summary>
public sealed class EngineHarness : IDisposable
{
    public const string PackageName = "Hotfix T92";
    private readonly TempFolder _temp = new(memory: true);

    public EngineHarness(string fleetYaml, string executeYaml = "", string start = "2026-11-22T01:00:00+00:00")
        : this(fleetYaml, executeYaml, start, sampleFleet: false)
    {
    }

    private EngineHarness(string fleetYaml, string executeYaml, string start, bool sampleFleet)
    {
        Clock = ManualClock.At(start);
        var (file, name) = sampleFleet ? (SamplePackageFile, SamplePackageName) : ("pkg_R81_20_T92.tgz", PackageName);
        var inventoryPath = _temp.Write("fleet.yml", sampleFleet ? fleetYaml : "packages:\n  - file: pkg_R81_20_T92.tgz\n    name: " + PackageName + "\n  - file: " + UpgradeFile + "\n    name: " + UpgradeName + "\n" + fleetYaml);
        _temp.Write(UpgradeFile, "upgrade payload");
        _temp.Write(file, "payload");
        var conf = $"""
            inventory: fleet.yml
            package:
              path: {file}
              name: {name}
              versions: [R81.20]
            generate:
              probe: false
              batch_policy: fixed
              batch_size: 100
            execute:
              logs_dir: logs
              status_interval: 1h

            """ + Indent(executeYaml);
        ConfigPath = _temp.Write("cdt.conf", conf);
        Config = ConfigLoader.Load(LocalFileStore.Instance, ConfigPath);
        Inventory = InventoryLoader.LoadFile(LocalFileStore.Instance, inventoryPath);
        World = SimWorld.FromInventory(Inventory, Clock.GetUtcNow());
        World.RecordCommands = true;
        ListPath = _temp.File("list.csv");
    }

    public const string UpgradeFile = "upgrade_R81_20_to_R82.tgz";
    public const string UpgradeName = "R82 Upgrade";

    public const string SamplePackageFile = "Check_Point_R81_20_JUMBO_HF_MAIN_Bundle_T92_FULL.tgz";
    public const string SamplePackageName = "R81.20 Jumbo Hotfix Accumulator General Availability (Take 92)";

    /// <summary>The embedded sample fleet (config/fleet.sample.yml) and its package, as the demo runs them.</summary>
    public static EngineHarness SampleFleet(string executeYaml = "")
    {
        var h = new EngineHarness(Cdt.Fleet.InventoryLoader.EmbeddedSample(), executeYaml, "2026-11-22T01:00:00+00:00", sampleFleet: true);
        h.Config = h.Config with { Generate = new GenerateSettings() };
        return h;
    }

    public ManualClock Clock { get; }

    public CdtConfig Config { get; private set; }

    public string ConfigPath { get; }

    public FleetInventory Inventory { get; }

    public SimWorld World { get; }

    public string ListPath { get; }

    public string Folder => _temp.Path;

    public List<IRunObserver> Observers { get; } = [];

    /// <summary>The warnings the runs gave, in order.</summary>
    public List<string> Warnings { get; } = [];

    public ChoreographyRegistry Choreographies { get; } = new();

    /// <summary>Stands between the runs and the simulator (a test records what each gateway is sent).</summary>
    public Func<IRemoteShell, IRemoteShell> WrapShell { get; set; } = shell => shell;

    /// <summary>What installs the policy after the package (the runs install none unless cdt.conf asks and this is set).</summary>
    public Func<Cdt.Execution.Policy.IPolicyInstaller>? Policies { get; set; }

    /// <summary>Where the runs write their journal (the local disk unless a test stands in a failing one).</summary>
    public Cdt.Storage.IFileStore Files { get; set; } = LocalFileStore.Instance;

    public void Generate(params (string Name, string Order)[] edits)
    {
        var request = new GenerateRequest { Config = Config, Package = Config.Package!, Mode = "basic", ListPath = ListPath, Force = true, Probe = false };
        DeterministicRunner.Run(Clock, () => ListGeneration.RunAsync(request, LocalFileStore.Instance, _ => new SimulatorShell(World, Clock), Clock, default));
        if (edits.Length > 0)
        {
            var text = File.ReadAllText(ListPath);
            var file = CandidatesCsvReader.Read(ListPath, text);
            var errors = new List<string>();
            var changed = ListEditor.Apply(text, file, edits.Select(e => new ListEditor.Change(e.Name, UpgradeOrder.Parse(e.Order)!)).ToList(), errors);
            if (errors.Count > 0)
            {
                throw new InvalidOperationException(string.Join("; ", errors));
            }

            File.WriteAllText(ListPath, changed);
        }
    }

    /// <summary>Switches the run to the major-version upgrade R81.20 -> R82 (call before <see cref="Generate"/>).</summary>
    public void UseUpgrade(bool connectivityUpgrade) => Config = Config with
    {
        Package = new PackageSpec { Path = _temp.File(UpgradeFile), Name = UpgradeName, Versions = ["R81.20"], Kind = PackageKind.Upgrade, TargetVersion = "R82" },
        ConnectivityUpgrade = connectivityUpgrade,
    };

    public void WithExecute(Func<ExecuteSettings, ExecuteSettings> change) => Config = Config with { Execute = change(Config.Execute) };

    public void WithConfig(Func<CdtConfig, CdtConfig> change) => Config = change(Config);

    public ExecuteOutcome Execute(bool resume = false, bool retryFailed = false, RunControl? control = null, DateTimeOffset? deadline = null, Func<ExecuteRequest, ExecuteRequest>? change = null)
    {
        var request = new ExecuteRequest
        {
            Config = Config,
            ListPath = ListPath,
            Steps = BasicPlan.Build(Config),
            Package = Config.Package,
            Resume = resume,
            RetryFailed = retryFailed,
            Deadline = deadline,
        };
        request = change?.Invoke(request) ?? request;
        Func<ShellScope, IRemoteShell> shells = KeepWorldInRunFolder ? scope => WrapShell(SimWorldFile.OpenShell(LocalFileStore.Instance, scope, Clock)) : _ => WrapShell(new SimulatorShell(World, Clock));
        var service = new ExecutionService(LocalPorts.Execution(shells, Clock, Choreographies) with { Files = Files, Policies = Policies });
        var owned = control is null;
        control ??= new RunControl();
        try
        {
            return DeterministicRunner.Run(Clock, () => service.RunAsync(request, control, Observers, Warnings.Add), TimeSpan.FromDays(3));
        }
        finally
        {
            if (owned)
            {
                control.Dispose();
            }
        }
    }

    /// <summary><c>cdt approve</c> as the engine sees it: a resume carrying an approval by <paramref name="user"/>.</summary>
    public ExecuteOutcome Approve(string user = "alice", string? note = null, DateTimeOffset? deadline = null) =>
        Execute(resume: true, deadline: deadline, change: r => r with { Approval = Approval.Of(user, note) });

    /// <summary>
    /// Runs keep the simulated fleet in the run folder, as <c>cdt execute</c> on the simulator does:
    /// a resume loads what the killed run saved, not <see cref="World"/>.
    /// </summary>
    public bool KeepWorldInRunFolder { get; set; }

    /// <summary>The simulated fleet the (single) run folder keeps.</summary>
    public SimWorld SavedWorld() =>
        SimWorldFile.Load(LocalFileStore.Instance, Directory.GetFiles(Path.Combine(Folder, "logs"), SimWorldFile.Name, SearchOption.AllDirectories).Single(), Clock.GetUtcNow());

    /// <summary>Install commands in the order the gateways received them.</summary>
    public IReadOnlyList<string> Installs() =>
        World.CommandLog.Where(c => c.Contains("installer install", StringComparison.Ordinal)).Select(c => c[..c.IndexOf(':', StringComparison.Ordinal)]).ToList();

    public void Dispose() => _temp.Dispose();

    private static string Indent(string yaml) => string.Join("\n", yaml.Split('\n').Select(l => l.Length == 0 ? l : "  " + l));
}
