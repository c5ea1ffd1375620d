using Cdt.Cli;
using Cdt.Host;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Cdt.Candidates;
using Cdt.Config;
using Cdt.Execution;
using Cdt.Execution.Choreography;
using Cdt.Execution.Steps;
using Cdt.Fleet;
using Cdt.Simulation;
using Cdt.Tests.Support;
using Cdt.Transport;

namespace Cdt.Benchmarks;

/// <summary>One execute case in this process: the run on a manual clock (ideal) or on scaled simulated time (measured).</summary>
public static class ExecuteCase
{
    private const string PackageFile = "Check_Point_R81_20_JUMBO_HF_MAIN_Bundle_T92_FULL.tgz";
    private const string PackageName = "R81.20 Jumbo Hotfix Accumulator General Availability (Take 92)";
    private static readonly DateTimeOffset Start = new(2026, 11, 22, 1, 0, 0, TimeSpan.Zero);

    public sealed record Figures(int Targets, TimeSpan Makespan, double WallSeconds, double CpuSeconds, long PeakBytes, int Succeeded, int Events)
    {
        public override string ToString() => string.Create(CultureInfo.InvariantCulture,
            $"{Targets}\t{Makespan.TotalSeconds}\t{WallSeconds}\t{CpuSeconds}\t{PeakBytes}\t{Succeeded}\t{Events}");

        public static Figures Parse(string line)
        {
            var f = line.Split('\t');
            return new Figures(
                int.Parse(f[0], CultureInfo.InvariantCulture),
                TimeSpan.FromSeconds(double.Parse(f[1], CultureInfo.InvariantCulture)),
                double.Parse(f[2], CultureInfo.InvariantCulture),
                double.Parse(f[3], CultureInfo.InvariantCulture),
                long.Parse(f[4], CultureInfo.InvariantCulture),
                int.Parse(f[5], CultureInfo.InvariantCulture),
                int.Parse(f[6], CultureInfo.InvariantCulture));
        }
    }

    public static int Run(string kind, int targets, double scale, int maxParallel, string folder)
    {
        Directory.CreateDirectory(folder);
        var config = Prepare(folder, targets, maxParallel);
        var inventory = InventoryLoader.LoadFile(LocalFileStore.Instance, config.Inventory);
        var list = Path.Combine(folder, "list.csv");
        var generate = new GenerateRequest { Config = config, Package = config.Package!, Mode = "basic", ListPath = list, Probe = false, Force = true };
        ListGeneration.RunAsync(generate, LocalFileStore.Instance, _ => throw new InvalidOperationException("no probe"), TimeProvider.System, CancellationToken.None).GetAwaiter().GetResult();
        SpreadOverBatches(list, inventory, 20);

        using var self = Process.GetCurrentProcess();
        var cpuBefore = self.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        TimeProvider time = kind == "ideal" ? new ManualClock(Start) : new ScaledTimeProvider(Start, scale);
        var world = SimWorld.FromInventory(inventory, Start);
        var request = new ExecuteRequest { Config = config, ListPath = list, Steps = BasicPlan.Build(config), Package = config.Package };
        var service = new ExecutionService(LocalPorts.Execution(_ => new SimulatorShell(world, time), time));
        using var control = new RunControl();
        var outcome = time is ManualClock clock
            ? DeterministicRunner.Run(clock, () => service.RunAsync(request, control, [], _ => { }))
            : service.RunAsync(request, control, [], _ => { }).GetAwaiter().GetResult();
        var makespan = time.GetUtcNow() - Start;
        watch.Stop();
        self.Refresh();
        if (world.Violations.Count > 0)
        {
            Console.Error.WriteLine(world.Violations[0]);
            return 1;
        }

        var events = File.ReadLines(outcome.JournalPath).Count();
        // stdout carries the figures the parent parses; the report's size goes to stderr.
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"report.html: {new FileInfo(outcome.ReportPath).Length / 1e6:F2} MB for {targets} targets ({outcome.ReportPath})"));
        Console.WriteLine(new Figures(targets, makespan, watch.Elapsed.TotalSeconds, (self.TotalProcessorTime - cpuBefore).TotalSeconds, self.PeakWorkingSet64, outcome.Run.Succeeded, events));
        return 0;
    }

    private static CdtConfig Prepare(string folder, int targets, int maxParallel)
    {
        var fleet = new StringBuilder($"packages:\n  - file: {PackageFile}\n    name: {PackageName}\ngateways:\n");
        var standalone = targets / 2;
        for (var i = 0; i < standalone; i++)
        {
            fleet.Append(CultureInfo.InvariantCulture, $"  - {{ name: gw{i:00000}, ip: 10.{i / 65536 % 256}.{i / 256 % 256}.{i % 256}, version: R81.20 }}\n");
        }

        fleet.Append("clusters:\n");
        for (var c = 0; c < targets / 4; c++)
        {
            fleet.Append(CultureInfo.InvariantCulture, $"  - name: cl{c:00000}\n    type: clusterxl-ha\n    version: R81.20\n    members:\n");
            fleet.Append(CultureInfo.InvariantCulture, $"      - {{ name: cl{c:00000}-a, ip: 11.{c / 65536 % 256}.{c / 256 % 256}.{c % 256}, state: active }}\n");
            fleet.Append(CultureInfo.InvariantCulture, $"      - {{ name: cl{c:00000}-b, ip: 12.{c / 65536 % 256}.{c / 256 % 256}.{c % 256}, state: standby }}\n");
        }

        File.WriteAllText(Path.Combine(folder, "fleet.yml"), fleet.ToString());
        File.WriteAllText(Path.Combine(folder, PackageFile), "simulated package");
        var conf = Path.Combine(folder, "cdt.conf");
        File.WriteAllText(conf, $$"""
            inventory: fleet.yml
            package: { path: {{PackageFile}}, name: {{PackageName}}, versions: [R81.20] }
            generate: { probe: false, batch_policy: single }
            execute: { max_parallel: {{maxParallel}}, logs_dir: logs, continue_after_failed_batch: true }

            """);
        return ConfigLoader.Load(LocalFileStore.Instance, conf);
    }

    /// <summary>Deals the units (a gateway, or a cluster whole) round-robin into batches 1..n.</summary>
    internal static void SpreadOverBatches(string list, FleetInventory inventory, int batches)
    {
        var units = inventory.Gateways.Where(g => g.IsStandalone).Select(g => g.Name).Concat(inventory.Clusters.Select(c => c.Name)).ToList();
        var changes = units.Select((u, i) => new ListEditor.Change(u, UpgradeOrder.Batch(i % batches + 1))).ToList();
        var text = File.ReadAllText(list);
        var errors = new List<string>();
        File.WriteAllText(list, ListEditor.Apply(text, CandidatesCsvReader.Read(list, text), changes, errors));
        if (errors.Count > 0)
        {
            throw new InvalidOperationException(errors[0]);
        }
    }
}
