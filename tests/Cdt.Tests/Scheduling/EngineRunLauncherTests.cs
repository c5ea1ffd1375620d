using Cdt.Cli;
using Cdt.Host;
using Cdt.Config;
using Cdt.Diagnostics;
using Cdt.Formats;
using Cdt.Yaml;
using Cdt.Scheduling;
using Cdt.Simulation;
using Cdt.Tests.Support;
using NUnit.Framework;
using Shouldly;

namespace Cdt.Tests.Scheduling;

/// <summary>The real engine behind the scheduler's port: the window's end as deadline, outcomes mapped, a busy list reported.</summary>
public class EngineRunLauncherTests
{
    [Test]
    public void NoBatchStartsAtTheWindowsEndAndEveryTargetIsPending()
    {
        using var setup = new Setup();
        var window = new InstallWindow { Start = setup.Clock.GetUtcNow() - TimeSpan.FromHours(3), Deadline = setup.Clock.GetUtcNow() };

        var outcome = setup.Launch(window);

        (outcome.Outcome, outcome.Installed, outcome.Failed, outcome.Pending).ShouldBe((RunOutcome.StoppedByDeadline, 0, 0, 33));
        File.Exists(Path.Combine(outcome.ReportPath!, "summary.json")).ShouldBeTrue();
    }

    [Test]
    public void AListAnotherProcessIsRunningIsReportedBusyNotFailed()
    {
        using var setup = new Setup();
        LockFiles.HeldByThisProcess(setup.Schedule.Candidates + ".lock", "cdt execute");

        var outcome = setup.Launch(new InstallWindow { Start = setup.Clock.GetUtcNow(), Deadline = setup.Clock.GetUtcNow() + TimeSpan.FromHours(8) });

        outcome.Outcome.ShouldBe(RunOutcome.ListBusy);
        outcome.Message.ShouldContain($"locked by PID {Environment.ProcessId} on {Environment.MachineName} (cdt execute");
        outcome.Outcome.IsFailure().ShouldBeFalse();
    }

    [Test]
    public void AScheduleWithAPlanRunsThePlanOnEveryTarget()
    {
        using var setup = new Setup(plan: "plans/jhf-install.yml");

        var outcome = setup.Launch(new InstallWindow { Start = setup.Clock.GetUtcNow(), Deadline = setup.Clock.GetUtcNow() + TimeSpan.FromHours(12) });

        (outcome.Outcome, outcome.Installed, outcome.Failed).ShouldBe((RunOutcome.Succeeded, 33, 0), outcome.Message);
        var journal = File.ReadAllText(Path.Combine(outcome.ReportPath!, "journal.jsonl"));
        journal.ShouldContain("\"step\":\"create_snapshot#1\"");
    }

    [Test]
    public void AScheduleWithAnUninstallPlanRunsItOnTheGatewaysOfItsUninstallList()
    {
        using var setup = new Setup(plan: "plans/hotfix-uninstall.yml");

        var outcome = setup.Launch(new InstallWindow { Start = setup.Clock.GetUtcNow(), Deadline = setup.Clock.GetUtcNow() + TimeSpan.FromHours(12) });

        (outcome.Outcome, outcome.Installed, outcome.Failed).ShouldBe((RunOutcome.Succeeded, 3, 0), outcome.Message);
        var results = File.ReadAllText(Path.Combine(outcome.ReportPath!, "results.csv"));
        results.ShouldContain("gw-paris-01,,10.1.1.1,R81.20,,1,succeeded,");
        results.ShouldContain("gw-paris-02,,10.1.1.2,R81.20,,N/A,N/A,,,,the package is not installed: nothing to uninstall");
        results.ShouldContain("ap-billing-1,ap-billing,10.5.1.1,R81.20,active,2,succeeded,");
        results.ShouldContain("uninstalled in 1 round(s)", customMessage: "a pair runs its own uninstall command for a plan that only uninstalls");
    }

    private sealed class Setup : IDisposable
    {
        private readonly TempFolder _temp = new();

        public Setup(string? plan = null)
        {
            var work = plan is not null
                ? $"schedules:\n  - name: demo\n    candidates: demo.csv\n    plan: {TestPaths.Repo(plan)}\n"
                : $$"""
                    package:
                      path: {{TestPaths.Repo("config/packages/Check_Point_R81_20_JUMBO_HF_MAIN_Bundle_T92_FULL.tgz")}}
                      name: R81.20 Jumbo Hotfix Accumulator General Availability (Take 92)
                      versions: [R81.20]
                    schedules:
                      - name: demo
                        candidates: demo.csv

                    """;
            _temp.Write("cdt.conf", $$"""
                inventory: {{TestPaths.Repo("config/fleet.sample.yml")}}
                transport: simulator
                {{work}}    time_zone: UTC
                    install: { cron: "0 2 * * *", duration: 8h }
                """);
            var generate = plan is not null ? new[] { "generate", "--candidates", "demo.csv", "--plan", TestPaths.Repo(plan) } : ["generate", "--candidates", "demo.csv"];
            SchedulingCli.Run(_temp.Path, Clock, generate).ExitCode.ShouldBe(0);
            Config = ConfigLoader.Load(LocalFileStore.Instance, _temp.File("cdt.conf"));
        }

        public ManualClock Clock { get; } = ManualClock.At("2026-11-21T02:00:00Z");

        public CdtConfig Config { get; }

        public ScheduleSettings Schedule => Config.Schedules[0];

        public ScheduledRunOutcome Launch(InstallWindow window)
        {
            var launcher = new EngineRunLauncher(Config, () => LocalPorts.Execution(new CliContext { Out = TextWriter.Null, Error = TextWriter.Null, Time = new ScaledTimeProvider(Clock.GetUtcNow(), 3000, Clock), Processes = new FakeProcessTable() }, Config), [], new ListLogger());
            return DeterministicRunner.Run(Clock, () => launcher.RunAsync(new ScheduledRunRequest { Schedule = Schedule, Window = window }, CancellationToken.None));
        }

        public void Dispose() => _temp.Dispose();
    }
}
