using Cdt.Host;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Cdt.Candidates;
using Cdt.Config;
using Cdt.Fleet;
using Cdt.GatewayEmulator.Sshd;

namespace Cdt.Benchmarks;

/// <summary>
/// The SSH benchmark: N emulated gateways (one ClusterXL HA pair in every ten) behind real sshd
/// processes on loopback, installed in 4 batches over OpenSSH, against the same list on the
/// in-process simulator on the same scaled time. Prints the SSH overhead per target, the TCP
/// connections each gateway saw (sshd's log) and the controller's CPU time per target.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public static class SshBenchmark
{
    private const string PackageFile = "Check_Point_R81_20_JUMBO_HF_MAIN_Bundle_T92_FULL.tgz";
    private const string PackageName = "R81.20 Jumbo Hotfix Accumulator General Availability (Take 92)";
    private const int Batches = 4;

    public static async Task<int> RunAsync(int targets, double scale)
    {
        var net = LoopbackNet.Pick();
        var pairs = targets / 10;
        await using var fleet = await SshdFleet.StartAsync(net, Inventory(net, targets, pairs), scale);
        var sshdCount = (int)Math.Ceiling(targets / 16.0);
        Console.WriteLine($"cdt SSH benchmark: {targets} emulated gateways ({targets - (2 * pairs)} standalone, {pairs} ClusterXL HA pairs) behind {sshdCount} sshd processes on loopback");
        Console.WriteLine($"{Batches} batches, max_parallel {targets / Batches}, install 10m and reboot 5m of simulated time, time x{scale.ToString(CultureInfo.InvariantCulture)}; {Environment.ProcessorCount} CPU(s), .NET {Environment.Version}");
        Console.WriteLine();

        await File.WriteAllBytesAsync(Path.Combine(fleet.Folder, PackageFile), RandomNumberGenerator.GetBytes(1024 * 1024));
        var configPath = Path.Combine(fleet.Folder, "cdt.conf");
        await File.WriteAllTextAsync(configPath, fleet.Config($$"""
            package: { path: {{PackageFile}}, name: {{PackageName}}, versions: [R81.20] }
            generate: { probe: false }
            execute: { max_parallel: {{targets / Batches}}, expected_reboot: 5m, poll_interval: 30s, continue_after_failed_batch: true }
            """));
        var simulatorList = await ListAsync(configPath, Path.Combine(fleet.Folder, "simulator"));
        var sshList = await ListAsync(configPath, Path.Combine(fleet.Folder, "ssh"));

        var simulator = RunChild("simulator", configPath, simulatorList, fleet.State.Folder);
        var ssh = RunChild("ssh", configPath, sshList, fleet.State.Folder);
        if (simulator is null || ssh is null)
        {
            return 1;
        }

        var connections = fleet.Inventory.Gateways.Select(g => fleet.ConnectionsTo(g.Ip)).ToList();
        var (emulator, sshd) = fleet.FarSideCpu();
        var world = await fleet.WorldAsync();
        var installedOnce = world.Gateways.Values.Count(g => g.InstallCount.GetValueOrDefault(PackageName) == 1);

        Console.WriteLine("case                 wall (s)   controller CPU (s)   CPU ms/target   of which ssh clients (s)   succeeded   failed");
        Print("in-process simulator", simulator, targets);
        Print("OpenSSH + sshd", ssh, targets);
        Console.WriteLine();
        var overhead = ssh.WallSeconds - simulator.WallSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"SSH overhead: {overhead:F1} s of wall time over the run ({overhead / Batches:F1} s per batch), {overhead * 1000 / targets:F0} ms per target"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"TCP connections per gateway (sshd logs): min {connections.Min()}, max {connections.Max()}, mean {connections.Average():F2} (target: exactly 1)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"controller CPU per target over SSH: {ssh.CpuSeconds * 1000 / targets:F1} ms (cdt) + {ssh.ClientCpuSeconds * 1000 / targets:F1} ms (ssh clients); simulator: {simulator.CpuSeconds * 1000 / targets:F1} ms"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"far side CPU per target: {sshd.TotalMilliseconds / targets:F0} ms sshd with its sessions and shells, {emulator.TotalMilliseconds / targets:F0} ms emulator"));
        Console.WriteLine($"installed exactly once: {installedOnce} of {targets} emulated gateways; cluster invariant violations: {world.Violations.Count}");
        return 0;
    }

    private static string Inventory(LoopbackNet net, int targets, int pairs)
    {
        var sb = new StringBuilder($"packages:\n  - {{ file: {PackageFile}, name: {PackageName} }}\ngateways:\n");
        var standalone = targets - (2 * pairs);
        for (var i = 1; i <= standalone; i++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"  - {{ name: gw-{i:000}, ip: {net.Address(i)}, version: R81.20, simulation: {{ install: 10m, reboot: 5m }} }}\n");
        }

        sb.Append("clusters:\n");
        for (var p = 0; p < pairs; p++)
        {
            var first = standalone + (2 * p) + 1;
            sb.Append(CultureInfo.InvariantCulture, $"  - name: cl-{p + 1:00}\n    type: clusterxl-ha\n    version: R81.20\n    simulation: {{ install: 10m, reboot: 5m }}\n    members:\n");
            sb.Append(CultureInfo.InvariantCulture, $"      - {{ name: cl-{p + 1:00}-m1, ip: {net.Address(first)}, state: active }}\n");
            sb.Append(CultureInfo.InvariantCulture, $"      - {{ name: cl-{p + 1:00}-m2, ip: {net.Address(first + 1)}, state: standby }}\n");
        }

        return sb.ToString();
    }

    /// <summary>The list for one case in its own folder (a run's logs live beside it), its units dealt over the batches.</summary>
    private static async Task<string> ListAsync(string configPath, string folder)
    {
        Directory.CreateDirectory(folder);
        var config = ConfigLoader.Load(LocalFileStore.Instance, configPath);
        var list = Path.Combine(folder, "list.csv");
        var request = new GenerateRequest { Config = config, Package = config.Package!, Mode = "basic", ListPath = list, Probe = false };
        await ListGeneration.RunAsync(request, LocalFileStore.Instance, _ => throw new InvalidOperationException("the benchmark does not probe"), TimeProvider.System, CancellationToken.None);
        ExecuteCase.SpreadOverBatches(list, InventoryLoader.LoadFile(LocalFileStore.Instance, config.Inventory), Batches);
        return list;
    }

    private static void Print(string label, SshCase.Figures f, int targets) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{label,-20} {f.WallSeconds,9:F1} {f.CpuSeconds + f.ClientCpuSeconds,20:F1} {(f.CpuSeconds + f.ClientCpuSeconds) * 1000 / targets,15:F1} {f.ClientCpuSeconds,26:F1} {f.Succeeded,11} {f.Failed,8}"));

    private static SshCase.Figures? RunChild(string kind, string config, string list, string state) =>
        ChildCase.Run(kind + " case", "ssh-case", kind, config, list, state) is { } line ? SshCase.Figures.Parse(line) : null;
}
