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
/// processes on loopback, installed in 4 batches over each SSH transport in turn (SSH.NET, then
/// the OpenSSH client), each on a fresh emulated fleet, against the same list on the in-process
/// simulator on the same scaled time (the lower bound: no network, no SSH). Prints, side by side,
/// the commands per target (sshd sessions), the TCP connections each gateway saw (sshd's log), the
/// controller's CPU per target (cdt and its child processes) and the wall time over the bound.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public static class SshBenchmark
{
    private const string PackageFile = "Check_Point_R81_20_JUMBO_HF_MAIN_Bundle_T92_FULL.tgz";
    private const string PackageName = "R81.20 Jumbo Hotfix Accumulator General Availability (Take 92)";
    private const int Batches = 4;
    private static readonly string[] Transports = ["ssh", "openssh"];

    private sealed record Measured(string Transport, SshCase.Figures Figures, List<int> Connections, int Sessions, int GaiaCommands, TimeSpan Sshd, int InstalledOnce, int Violations);

    public static async Task<int> RunAsync(int targets, double scale)
    {
        var pairs = targets / 10;
        Console.WriteLine($"cdt SSH benchmark: {targets} emulated gateways ({targets - (2 * pairs)} standalone, {pairs} ClusterXL HA pairs) behind {(int)Math.Ceiling(targets / 16.0)} sshd processes on loopback, a fresh fleet per transport");
        Console.WriteLine($"{Batches} batches, max_parallel {targets / Batches}, install 10m and reboot 5m of simulated time, time x{scale.ToString(CultureInfo.InvariantCulture)}; {Environment.ProcessorCount} CPU(s), .NET {Environment.Version}");
        Console.WriteLine();

        SshCase.Figures? simulator = null;
        var measured = new List<Measured>();
        foreach (var transport in Transports)
        {
            var net = LoopbackNet.Pick();
            await using var fleet = await SshdFleet.StartAsync(net, Inventory(net, targets, pairs), scale);
            var configPath = await ConfigAsync(fleet, targets, transport);
            if (simulator is null)
            {
                simulator = RunChild("simulator", configPath, await ListAsync(configPath, Path.Combine(fleet.Folder, "simulator")), fleet.State.Folder);
            }

            var figures = RunChild(transport, configPath, await ListAsync(configPath, Path.Combine(fleet.Folder, transport)), fleet.State.Folder);
            if (simulator is null || figures is null)
            {
                return 1;
            }

            var world = await fleet.WorldAsync();
            measured.Add(new Measured(
                transport,
                figures,
                [.. fleet.Inventory.Gateways.Select(g => fleet.ConnectionsTo(g.Ip))],
                fleet.SessionsStarted(),
                world.CommandLog.Count,
                fleet.FarSideCpu().Sshd,
                world.Gateways.Values.Count(g => g.InstallCount.GetValueOrDefault(PackageName) == 1),
                world.Violations.Count));
        }

        Print(simulator!, measured, targets);
        return 0;
    }

    private static void Print(SshCase.Figures simulator, List<Measured> measured, int targets)
    {
        string Row(string label, Func<Measured, string> cell) => $"{label,-44}" + string.Concat(measured.Select(m => $"{cell(m),18}"));
        string F(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
        Console.WriteLine(Row("transport", m => m.Transport == "ssh" ? "ssh (SSH.NET)" : "openssh (client)"));
        Console.WriteLine(Row("SSH commands per target (sshd sessions)", m => F((double)m.Sessions / targets, "F1")));
        Console.WriteLine(Row("Gaia commands per target (emulator)", m => F((double)m.GaiaCommands / targets, "F1")));
        Console.WriteLine(Row("TCP connections per gateway min/mean/max", m => $"{m.Connections.Min()}/{F(m.Connections.Average(), "F2")}/{m.Connections.Max()}"));
        Console.WriteLine(Row("controller CPU per target (ms)", m => F((m.Figures.CpuSeconds + m.Figures.ClientCpuSeconds) * 1000 / targets, "F1")));
        Console.WriteLine(Row("  of which child processes (ms)", m => F(m.Figures.ClientCpuSeconds * 1000 / targets, "F1")));
        Console.WriteLine(Row("far side sshd CPU per target (ms)", m => F(m.Sshd.TotalMilliseconds / targets, "F0")));
        Console.WriteLine(Row("wall time (s)", m => F(m.Figures.WallSeconds, "F1")));
        Console.WriteLine(Row($"  over the lower bound, {F(simulator.WallSeconds, "F1")} s (s)", m => F(m.Figures.WallSeconds - simulator.WallSeconds, "F1")));
        Console.WriteLine(Row("succeeded / failed", m => $"{m.Figures.Succeeded} / {m.Figures.Failed}"));
        Console.WriteLine(Row("installed exactly once / cluster violations", m => $"{m.InstalledOnce} / {m.Violations}"));
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"lower bound: the same list on the in-process simulator, same scaled time: {simulator.WallSeconds:F1} s wall, {simulator.CpuSeconds * 1000 / targets:F1} ms CPU per target"));
        Console.WriteLine("targets: exactly 1 TCP connection per gateway over SSH.NET, and less controller CPU per target than openssh");
    }

    private static async Task<string> ConfigAsync(SshdFleet fleet, int targets, string transport)
    {
        await File.WriteAllBytesAsync(Path.Combine(fleet.Folder, PackageFile), RandomNumberGenerator.GetBytes(1024 * 1024));
        var configPath = Path.Combine(fleet.Folder, "cdt.conf");
        await File.WriteAllTextAsync(configPath, fleet.Config(
            $$"""
            package: { path: {{PackageFile}}, name: {{PackageName}}, versions: [R81.20] }
            generate: { probe: false }
            execute: { max_parallel: {{targets / Batches}}, expected_reboot: 5m, poll_interval: 30s, continue_after_failed_batch: true }
            """,
            transport: transport));
        return configPath;
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

    private static SshCase.Figures? RunChild(string kind, string config, string list, string state) =>
        ChildCase.Run(kind + " case", "ssh-case", kind, config, list, state) is { } line ? SshCase.Figures.Parse(line) : null;
}
