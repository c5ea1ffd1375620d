using Cdt.Execution;
using Cdt.GatewayEmulator.Sshd;
using Cdt.IntegrationTests.Support;
using NUnit.Framework;
using Shouldly;

namespace Cdt.IntegrationTests.Cli;

/// <summary>
/// The real cdt process over real SSH, killed with SIGKILL while every gateway reboots after its
/// install, then <c>cdt resume</c> in a new process: the gateways (emulated behind sshd, whose state
/// outlives cdt as a real fleet's does) each installed the package exactly once, and those rebooting
/// at the kill succeed after being waited for. cdt runs on the wall clock, nothing of its own
/// scaled; only the emulated gateways run 20 times faster (an import takes 3 s, not a minute).
/// </summary>
public class KillAndResumeOverSshTests
{
    private const double FleetScale = 20;
    private static readonly string[] Gateways = ["gw-01", "gw-02", "gw-03"];

    [Test]
    public async Task AKillDuringTheRebootsThenResumeInstallsEveryPackageExactlyOnce()
    {
        var net = LoopbackNet.Pick();
        // Installs of 4 s and reboots of 20 s (wall clock): time to see every gateway down at once and kill cdt then, even on a busy machine.
        var inventory = $"packages:\n  - {{ file: {TestFleets.PackageFile}, name: {TestFleets.PackageName} }}\ngateways:\n"
            + string.Concat(Gateways.Select((g, i) => $"  - {{ name: {g}, ip: {net.Address(i + 1)}, version: R81.20, simulation: {{ install: 80s, reboot: 400s }} }}\n"));
        await using var fleet = await SshdFleet.StartAsync(net, inventory, FleetScale);
        await File.WriteAllTextAsync(Path.Combine(fleet.Folder, TestFleets.PackageFile), "package bytes");
        await File.WriteAllTextAsync(Path.Combine(fleet.Folder, "cdt.conf"), fleet.Config($"""
            package:
              path: {TestFleets.PackageFile}
              name: {TestFleets.PackageName}
              versions: [R81.20]
            generate:
              batch_policy: single
            execute:
              logs_dir: logs
              expected_reboot: 5s
              poll_interval: 2s
            """));
        var generate = await CdtProcess.RunAsync(fleet.Folder, new Dictionary<string, string>(), "generate", "--config", "cdt.conf", "--candidates", "list.csv");
        generate.ExitCode.ShouldBe(0, generate.Out + generate.Error);

        using (var execute = CdtProcess.Start(fleet.Folder, new Dictionary<string, string>(), "execute", "--config", "cdt.conf", "list.csv"))
        {
            _ = execute.StandardOutput.ReadToEndAsync();
            var errors = execute.StandardError.ReadToEndAsync();
            var allDown = await Poll.UntilAsync(async () =>
            {
                var w = await fleet.WorldAsync();
                return execute.HasExited || Gateways.All(g => w.Gateways[g].InstallCount.GetValueOrDefault(TestFleets.PackageName) == 1 && w.Gateways[g].IsRebooting(w.Clock));
            }, TimeSpan.FromMinutes(2));
            execute.HasExited.ShouldBeFalse("cdt ended before every gateway was rebooting: " + (execute.HasExited ? await errors : string.Empty));
            allDown.ShouldBeTrue("the gateways never all rebooted at once");
            execute.Kill();
            await execute.WaitForExitAsync();
        }

        var journal = Directory.GetFiles(Path.Combine(fleet.Folder, "logs"), ExecutionService.JournalName, SearchOption.AllDirectories).Single();
        File.ReadAllText(journal).ShouldNotContain(RunEvents.RunFinished);

        var resume = await CdtProcess.RunAsync(fleet.Folder, new Dictionary<string, string>(), "resume", "--config", "cdt.conf", "list.csv");

        resume.ExitCode.ShouldBe(0, resume.Out + resume.Error);
        resume.Out.ShouldStartWith("3 succeeded, 0 failed, 0 not started");
        var world = await fleet.WorldAsync();
        foreach (var g in Gateways)
        {
            world.Gateways[g].InstallCount[TestFleets.PackageName].ShouldBe(1, g);
            world.Gateways[g].Reboots.ShouldBe(1, g);
        }

        world.RefusedCommands.ShouldBeEmpty();
        var events = RunJournal.Read(Cdt.Host.LocalFileStore.Instance, journal);
        foreach (var g in Gateways)
        {
            events.ShouldContain(e => e.Event == RunEvents.StepFinished && e.Target == g && e.Step == InterruptedReboot.StepName && e.Status == "ok", g);
            events.Last(e => e.Event == RunEvents.TargetFinished && e.Target == g).Status.ShouldBe("succeeded");
        }
    }
}
