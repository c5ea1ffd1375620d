using Cdt.Cli;
using Cdt.Transport.OpenSsh;
using Cdt.Transport.SshNet;
using Cdt.Host;
using System.Diagnostics;
using System.Globalization;
using Cdt.Config;
using Cdt.Execution;
using Cdt.Execution.Choreography;
using Cdt.Execution.Steps;
using Cdt.GatewayEmulator;
using Cdt.GatewayEmulator.Sshd;
using Cdt.Simulation;
using Cdt.Transport;

namespace Cdt.Benchmarks;

/// <summary>
/// One case of the SSH benchmark in this process: the same list executed on the in-process
/// simulator, over SSH.NET (<c>ssh</c>) or over the OpenSSH client (<c>openssh</c>) against the
/// emulated fleet, on the same scaled time. Prints the wall time and the CPU of this process and
/// of the child processes (ssh clients) it ran.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public static class SshCase
{
    public sealed record Figures(double WallSeconds, double CpuSeconds, double ClientCpuSeconds, int Succeeded, int Failed, int NotStarted)
    {
        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{WallSeconds}\t{CpuSeconds}\t{ClientCpuSeconds}\t{Succeeded}\t{Failed}\t{NotStarted}");

        public static Figures Parse(string line)
        {
            var f = line.Split('\t');
            double D(int i) => double.Parse(f[i], CultureInfo.InvariantCulture);
            int I(int i) => int.Parse(f[i], CultureInfo.InvariantCulture);
            return new Figures(D(0), D(1), D(2), I(3), I(4), I(5));
        }
    }

    public static async Task<int> RunAsync(string kind, string configPath, string list, string stateFolder)
    {
        var loaded = ConfigLoader.Load(LocalFileStore.Instance, configPath);
        var config = loaded with { Execute = loaded.Execute with { LogsDir = Path.Combine(Path.GetDirectoryName(list)!, "logs") } };
        var clock = new EmulatorState(stateFolder).Clock;
        var time = new ScaledTimeProvider(clock.Now(DateTimeOffset.UtcNow), clock.Scale);
        Func<Fleet.FleetInventory, IRemoteShell> shells = kind switch
        {
            "ssh" => _ => new SshNetShell(config.Ssh, time, LocalFileStore.Instance, notice => Console.Error.WriteLine(notice)),
            "openssh" => _ => new OpenSshShell(config.Ssh, time, LocalFileStore.Instance),
            _ => inv => new SimulatorShell(SimWorld.FromInventory(inv, time.GetUtcNow()), time),
        };
        var request = new ExecuteRequest { Config = config, ListPath = list, Steps = BasicPlan.Build(config), Package = config.Package };
        var service = new ExecutionService(LocalPorts.Execution(shells, time));
        using var control = new RunControl();

        var (selfBefore, childrenBefore) = ProcessCpu.OfThisProcess();
        var watch = Stopwatch.StartNew();
        var outcome = await service.RunAsync(request, control, [], _ => { });
        watch.Stop();
        var (selfAfter, childrenAfter) = ProcessCpu.OfThisProcess();
        var r = outcome.Run;
        foreach (var failed in File.ReadLines(outcome.ResultsPath).Where(l => l.Contains(",failed,", StringComparison.OrdinalIgnoreCase)))
        {
            await Console.Error.WriteLineAsync($"{kind}: failed: {failed}");
        }

        Console.WriteLine(new Figures(watch.Elapsed.TotalSeconds, (selfAfter - selfBefore).TotalSeconds, (childrenAfter - childrenBefore).TotalSeconds, r.Succeeded, r.Failed, r.NotStarted));
        return 0;
    }
}
