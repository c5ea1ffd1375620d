using Cdt.Host;
using System.Globalization;
using Cdt.Scheduling;
using Cdt.Tests.Support;
using NUnit.Framework;
using Shouldly;

namespace Cdt.Tests.Scheduling;

/// <summary>
/// The whole chain from the command line: generate the demo fleet's list, then <c>cdt daemon</c>
/// with a window a few seconds ahead sends the package ahead, starts the real engine on the
/// simulated fleet with the window's end as its deadline, and installs every target unattended.
/// The scheduler keeps the (manual) clock; each simulated run lives on simulated time 3000 times
/// faster, as <c>cdt execute</c> does. No wall-clock sleep.
/// </summary>
public class ScheduledRunEndToEndTests
{
    private const string Package = "config/packages/Check_Point_R81_20_JUMBO_HF_MAIN_Bundle_T92_FULL.tgz";

    [Test]
    public void AScheduledRunInstallsTheDemoFleetUnattended()
    {
        using var temp = new TempFolder();
        temp.Write("cdt.conf", $$"""
            inventory: {{TestPaths.Repo("config/fleet.sample.yml")}}
            transport: simulator
            simulator: { time_scale: 3000 }
            package:
              path: {{TestPaths.Repo(Package)}}
              name: R81.20 Jumbo Hotfix Accumulator General Availability (Take 92)
              versions: [R81.20]
            schedules:
              - name: demo
                candidates: demo.csv
                time_zone: Europe/Paris
                preparation: "57 59 2 * * *"
                install: { cron: "0 0 3 * * *", duration: 8h }
            """);
        var clock = ManualClock.At("2026-11-21T01:59:55Z");
        SchedulingCli.Run(temp.Path, clock, "generate", "--candidates", "demo.csv").ExitCode.ShouldBe(0);
        // The scheduler lives on the simulator's time, 3000 times faster: 20 s of the manual clock are 16 h 40 m.
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(20), clock);

        var daemon = SchedulingCli.Run(temp.Path, clock, new Dictionary<string, string>(), stop.Token, "daemon");

        daemon.ExitCode.ShouldBe(0, daemon.Error);
        var state = new ScheduleStateStore(LocalFileStore.Instance, Path.Combine(temp.Path, ".cdt-state")).Read("demo").State!;
        state.LastPreparation!.Outcome.ShouldBe("downloaded");
        state.LastPreparation.Window.ShouldBe(At("2026-11-21T01:59:57Z"));
        var run = state.LastRun!;
        (run.Outcome, run.Installed, run.Failed, run.Pending).ShouldBe((RunOutcome.Succeeded, 33, 0, 0), daemon.Error);
        run.Started.ShouldBe(At("2026-11-21T02:00:00Z"), "the simulated copies of the preparation live on simulated time, 3000 times faster");
        (run.Finished - run.Started).ShouldNotBeNull().ShouldBeLessThan(TimeSpan.FromMinutes(1), "the run lives on simulated time too: a night in seconds");
        run.Deadline.ShouldBe(At("2026-11-21T10:00:00Z"));
        File.Exists(Path.Combine(run.ReportPath!, "results.csv")).ShouldBeTrue();
        daemon.Error.ShouldContain("info: Schedule demo: install window 2026-11-21T03:00:00+01:00 Europe/Paris (2026-11-21T02:00:00+00:00) starts; deadline 2026-11-21T11:00:00+01:00 Europe/Paris");
        daemon.Error.ShouldContain("info: Schedule demo: next: preparation window at 2026-11-22T02:59:57+01:00 Europe/Paris (2026-11-22T01:59:57+00:00)");
        SchedulingCli.Run(temp.Path, clock, "check").Out.ShouldStartWith("CDT OK - demo: last run succeeded");
    }

    private static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture);
}
