using Cdt.Host;
using Cdt.Config;
using Cdt.Scheduling;
using Cdt.Tests.Support;

namespace Cdt.Tests.Scheduling;

/// <summary>A schedule with fakes around it: manual clock, state folder, fleet, launcher, mail, processes.</summary>
public sealed class SchedulerHarness : IDisposable
{
    /// <summary>Nightly in Paris: preparation at 01:30, install at 02:30 for 3 hours.</summary>
    public const string Nightly = """
          - name: nightly
            candidates: list.csv
            time_zone: Europe/Paris
            preparation: "30 1 * * *"
            install: { cron: "30 2 * * *", duration: 3h }
            download: { retry_delay: 30s }
            mail: { to: [ops@example.test] }
        """;

    public SchedulerHarness(string start, string schedule = Nightly)
    {
        Clock = ManualClock.At(start);
        Temp = new TempFolder();
        var config = ConfigLoader.LoadText(Temp.File("cdt.conf"), """
            inventory: fleet.yml
            package: { path: Check_Point_R81_20_JUMBO_HF_MAIN_Bundle_T92_FULL.tgz }
            smtp: { host: 127.0.0.1, from: cdt@example.test }
            schedules:

            """ + schedule, Temp.Path);
        Schedule = config.Schedules[0];
        Store = new ScheduleStateStore(LocalFileStore.Instance, config.StateDir);
        Fleet = new FakeFleet { Time = Clock };
        Launcher = new FakeLauncher(Clock);
    }

    public ManualClock Clock { get; }

    public TempFolder Temp { get; }

    public ScheduleSettings Schedule { get; }

    public ScheduleStateStore Store { get; }

    public FakeFleet Fleet { get; }

    public FakeLauncher Launcher { get; }

    public FakeMailSender Mail { get; } = new();

    public FakeProcessTable Processes { get; } = new();

    public ScheduleState State => Store.Read(Schedule.Name).State ?? throw new InvalidOperationException("no state written yet");

    public SchedulerPorts Ports(ListLogger log, int pid = 1001, string command = "cdt daemon") => new()
    {
        Store = Store,
        Files = LocalFileStore.Instance,
        Time = Clock,
        Launcher = Launcher,
        Fleet = Fleet,
        Mail = Mail,
        Processes = Processes,
        Identity = Processes.Process(pid, command),
        Log = log,
    };

    /// <summary>Runs a daemon (as process <paramref name="pid"/>) until the clock reaches <paramref name="until"/>.</summary>
    public void RunDaemon(ListLogger log, string until, int pid = 1001) =>
        DeterministicRunner.Run(Clock, () => DaemonUntil(log, until, pid));

    public async Task DaemonUntil(ListLogger log, string until, int pid = 1001)
    {
        using var stop = new CancellationTokenSource(ManualClock.At(until).GetUtcNow() - Clock.GetUtcNow(), Clock);
        await new SchedulerDaemon(Ports(log, pid)).RunAsync([Schedule], stop.Token);
    }

    public PassResult RunDue(ListLogger log, int pid = 1002) =>
        DeterministicRunner.Run(Clock, () => new ScheduleRunner(Ports(log, pid, "cdt run-due")).RunDueAsync(Schedule, CancellationToken.None));

    public void Dispose() => Temp.Dispose();
}
