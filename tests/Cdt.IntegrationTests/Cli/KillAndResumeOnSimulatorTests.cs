using System.Diagnostics;
using System.Text.Json;
using Cdt.Execution;
using Cdt.IntegrationTests.Support;
using Cdt.Simulation;
using Cdt.Tests.Support;
using NUnit.Framework;
using Shouldly;

namespace Cdt.IntegrationTests.Cli;

/// <summary>
/// The real cdt process on the simulated fleet, killed with SIGKILL while every gateway reboots
/// after its install, then <c>cdt resume</c>: the fleet the run folder kept shows each package
/// installed exactly once, and the gateways rebooting at the kill succeed after being waited for.
/// </summary>
public class KillAndResumeOnSimulatorTests
{
    private const string PackageFile = "pkg_R81_20_T92.tgz";
    private const string PackageName = "Hotfix T92";
    private static readonly string[] Gateways = ["gw01", "gw02", "gw03", "gw04"];

    [Test]
    public async Task AKillDuringTheRebootsThenResumeInstallsEveryPackageExactlyOnce()
    {
        using var temp = new TempFolder();
        temp.Write("fleet.yml", $"packages:\n  - {{ file: {PackageFile}, name: {PackageName} }}\ngateways:\n"
            + string.Concat(Gateways.Select((g, i) => $"  - {{ name: {g}, ip: 10.0.0.{i + 1}, version: R81.20, simulation: {{ install: 2m, reboot: 3m }} }}\n")));
        temp.Write(PackageFile, "payload");
        // x60: an install takes 2 real seconds and a reboot 3, long enough to kill cdt during them.
        temp.Write("cdt.conf", $"""
            transport: simulator
            simulator:
              time_scale: 60
            inventory: fleet.yml
            package:
              path: {PackageFile}
              name: {PackageName}
              versions: [R81.20]
            generate:
              batch_policy: single
            execute:
              logs_dir: logs
              max_parallel: 10
              expected_reboot: 1m
              poll_interval: 10s
            """);
        var generate = await CliRunner.RunAsync(temp.Path, "generate", "--config", "cdt.conf", "--candidates", "list.csv");
        generate.ExitCode.ShouldBe(0, generate.Error);

        using (var execute = Start(temp.Path, "execute"))
        {
            _ = execute.StandardOutput.ReadToEndAsync();
            _ = execute.StandardError.ReadToEndAsync();
            var atKill = await WaitForAsync(temp.Path, w => Gateways.All(g => w.Gateways[g].InstallCount.GetValueOrDefault(PackageName) == 1 && w.Gateways[g].IsRebooting(w.Clock)), execute);
            execute.Kill();
            await execute.WaitForExitAsync();
            atKill.ShouldNotBeNull("the gateways never all rebooted at once");
        }

        File.ReadAllText(Journal(temp.Path)).ShouldNotContain(RunEvents.RunFinished);

        using var resume = Start(temp.Path, "resume");
        var output = resume.StandardOutput.ReadToEndAsync();
        var errors = resume.StandardError.ReadToEndAsync();
        await resume.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));

        resume.ExitCode.ShouldBe(0, await output + await errors);
        (await output).ShouldStartWith("4 succeeded, 0 failed, 0 not started");
        var world = Saved(temp.Path)!;
        foreach (var g in Gateways)
        {
            world.Gateways[g].InstallCount[PackageName].ShouldBe(1, g);
            world.Gateways[g].Reboots.ShouldBe(1, g);
        }

        var events = RunJournal.Read(Cdt.Host.LocalFileStore.Instance, Journal(temp.Path));
        foreach (var g in Gateways)
        {
            events.ShouldContain(e => e.Event == RunEvents.StepFinished && e.Target == g && e.Step == InterruptedReboot.StepName && e.Status == "ok", g);
            events.Last(e => e.Event == RunEvents.TargetFinished && e.Target == g).Status.ShouldBe("succeeded");
        }
    }

    private static Process Start(string folder, string command) =>
        CdtProcess.Start(folder, new Dictionary<string, string>(), command, "--config", "cdt.conf", "list.csv");

    /// <summary>Polls the run folder's saved fleet until <paramref name="ready"/> holds; null if the run ended or a minute passed first.</summary>
    private static async Task<SimWorld?> WaitForAsync(string folder, Func<SimWorld, bool> ready, Process run)
    {
        var until = DateTime.UtcNow.AddMinutes(1);
        while (DateTime.UtcNow < until && !run.HasExited)
        {
            if (Saved(folder) is { } w && ready(w))
            {
                return w;
            }

            await Task.Delay(20);
        }

        return null;
    }

    private static SimWorld? Saved(string folder)
    {
        var logs = Path.Combine(folder, "logs");
        var path = Directory.Exists(logs) ? Directory.GetFiles(logs, SimWorldFile.Name, SearchOption.AllDirectories).SingleOrDefault() : null;
        return path is null ? null : JsonSerializer.Deserialize(File.ReadAllBytes(path), SimulationJson.Default.SimWorld);
    }

    private static string Journal(string folder) => Directory.GetFiles(Path.Combine(folder, "logs"), ExecutionService.JournalName, SearchOption.AllDirectories).Single();
}
