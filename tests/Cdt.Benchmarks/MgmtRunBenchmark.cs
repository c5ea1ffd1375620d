using System.Diagnostics;
using System.Globalization;
using Cdt.Cli;
using Cdt.Fleet;
using Cdt.ManagementEmulator;
using Cdt.Simulation;
using Cdt.Tests.Support;

namespace Cdt.Benchmarks;

/// <summary>
/// A run through the management server: N simulated gateways (one ClusterXL HA pair in every ten)
/// behind the Management API emulator, <c>cdt generate</c> then <c>cdt execute</c> with
/// <c>transport: management</c> in this process on the wall clock, the gateways on simulated time
/// x30. Prints the API calls per target (run-script, put-file, show-task), overall and apart per
/// standalone gateway and per cluster member, to set beside the SSH commands per target of the
/// <c>ssh</c> benchmark.
/// </summary>
public static class MgmtRunBenchmark
{
    private const string PackageFile = "Check_Point_R81_20_JUMBO_HF_MAIN_Bundle_T92_FULL.tgz";
    private const string PackageName = "R81.20 Jumbo Hotfix Accumulator General Availability (Take 92)";
    private const string KeyVariable = "CDT_BENCH_MGMT_KEY";
    private const double Scale = 30;
    private static readonly string[] TaskCalls = ["run-script", "put-file", "show-task"];

    public static async Task<int> RunAsync(int targets)
    {
        var pairs = targets / 10;
        var folder = Directory.CreateTempSubdirectory("cdt-bench-mgmt-run-").FullName;
        try
        {
            var fleet = InventoryLoader.LoadText("fleet.yml", Inventory(targets, pairs));
            var time = new ScaledTimeProvider(DateTimeOffset.UtcNow, Scale);
            var gateways = new GatewayWorld(SimWorld.FromInventory(fleet, time.GetUtcNow()), time) { ScriptLimit = TimeSpan.FromSeconds(3 * Scale) };
            var key = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
            await using var emulator = await ManagementEmulator.ManagementEmulator.StartAsync(WorldFromInventory.Build(fleet), new ManagementCredentials("bench", key, key), gateways);
            await File.WriteAllTextAsync(Path.Combine(folder, PackageFile), "package bytes");
            await File.WriteAllTextAsync(Path.Combine(folder, "cdt.conf"), $"""
                inventory:
                  management:
                    server: {emulator.Server}
                    api_key_env: {KeyVariable}
                    fingerprint: {emulator.Fingerprint}
                    script_limit: 3s
                    task_poll: 200ms
                transport: management
                state_dir: state
                package:
                  path: {PackageFile}
                  name: {PackageName}
                  versions: [R81.20]
                generate:
                  batch_policy: fixed
                  batch_size: {targets / 4}
                execute:
                  max_parallel: {targets / 4}
                  expected_reboot: 2s
                  poll_interval: 1s

                """);

            Console.WriteLine($"cdt management run benchmark: {targets} simulated gateways ({targets - (2 * pairs)} standalone, {pairs} ClusterXL HA pairs) behind the Management API emulator, transport: management");
            Console.WriteLine($"install 2m and reboot 1m of simulated time at x{Scale.ToString(CultureInfo.InvariantCulture)} (4 s and 2 s), script_limit 3s, task_poll 200ms; {Environment.ProcessorCount} CPU(s), .NET {Environment.Version}");
            Console.WriteLine();
            if (await CdtAsync(folder, key, "generate", "--config", "cdt.conf", "--candidates", "list.csv") != 0)
            {
                return 1;
            }

            var before = fleet.Gateways.ToDictionary(g => g.Name, g => emulator.Counters.CallsFor(g.Name), StringComparer.Ordinal);
            var calls = TaskCalls.ToDictionary(c => c, emulator.Counters.Calls, StringComparer.Ordinal);
            var clock = Stopwatch.StartNew();
            var code = await CdtAsync(folder, key, "execute", "--config", "cdt.conf", "list.csv");
            var wall = clock.Elapsed;
            List<int> CallsOf(bool member) => [.. fleet.Gateways.Where(g => (g.ClusterName is not null) == member).Select(g => emulator.Counters.CallsFor(g.Name) - before[g.Name])];
            double PerTarget(string call) => (emulator.Counters.Calls(call) - calls[call]) / (double)targets;
            string Spread(List<int> n) => n.Count == 0 ? "-" : string.Create(CultureInfo.InvariantCulture, $"{n.Min()}/{n.Average():F1}/{n.Max()}");
            var world = gateways.World;
            // A unit is a standalone gateway or a cluster: the policy goes to the cluster object.
            IEnumerable<string> Units() => fleet.Gateways.Select(g => g.ClusterName ?? g.Name).Distinct(StringComparer.Ordinal);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
                execute                                          transport: management
                API calls per target (run-script, put-file, show-task) {PerTarget("run-script") + PerTarget("put-file") + PerTarget("show-task"),8:F1}
                  run-script per target (the commands)             {PerTarget("run-script"),8:F1}
                  put-file per target                              {PerTarget("put-file"),8:F1}
                  show-task per target                             {PerTarget("show-task"),8:F1}
                  per standalone gateway min/mean/max              {Spread(CallsOf(member: false)),8}
                  per cluster member min/mean/max                  {Spread(CallsOf(member: true)),8}
                policy installations (once per unit; units)        {Units().Sum(emulator.Policies.Installs),3} ({Units().Count()})
                logins / logouts (generate's two, execute's two)   {emulator.Counters.Logins,3} / {emulator.Counters.Logouts}
                wall time of execute (s)                           {wall.TotalSeconds,8:F1}
                exit code                                          {code,8}
                installed exactly once / cluster violations        {world.Gateways.Values.Count(g => g.InstallCount.GetValueOrDefault(PackageName) == 1),3} / {world.Violations.Count}
                """));
            return code;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<int> CdtAsync(string folder, string key, params string[] args)
    {
        var error = new StringWriter();
        var context = new CliContext
        {
            Out = TextWriter.Null,
            Error = error,
            In = new StringReader(string.Empty),
            CurrentDirectory = folder,
            Environment = name => name == KeyVariable ? key : null,
            IsInteractive = false,
            Time = TimeProvider.System,
        };
        var code = await CdtApp.RunAsync(args, context);
        if (code != 0)
        {
            Console.Error.WriteLine($"cdt {args[0]}: exit {code}\n{error}");
        }

        return code;
    }

    private static string Inventory(int targets, int pairs)
    {
        const string simulation = "{ install: 2m, reboot: 1m }";
        var fleet = new FleetBuilder().Package(PackageFile, PackageName);
        var standalone = targets - (2 * pairs);
        for (var i = 1; i <= standalone; i++)
        {
            fleet.Gateway(string.Create(CultureInfo.InvariantCulture, $"gw-{i:000}"), Address(i), "R81.20", "simulation: " + simulation);
        }

        for (var p = 0; p < pairs; p++)
        {
            var first = standalone + (2 * p) + 1;
            fleet.Cluster(string.Create(CultureInfo.InvariantCulture, $"cl-{p + 1:00}"), "clusterxl-ha", "R81.20", [new(Address(first), "active"), new(Address(first + 1), "standby")], simulation);
        }

        return fleet.ToString();
    }

    /// <summary>A loopback address per gateway: the inventory needs one, and nothing dials it (the management server reaches the gateways).</summary>
    private static string Address(int n) => string.Create(CultureInfo.InvariantCulture, $"127.0.{n / 250}.{(n % 250) + 1}");
}
