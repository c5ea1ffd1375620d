using Cdt.Config;
using Cdt.Diagnostics;
using Cdt.Formats;
using Cdt.Yaml;
using Cdt.Locking;
using Cdt.Reporting;
using Cdt.Scheduling;
using Cdt.Simulation;
using Cdt.Transport;

namespace Cdt.Cli;

/// <summary>
/// Wires the scheduler to the real world for <c>daemon</c>, <c>run-due</c> and <c>unlock</c>:
/// the state folder, this process's identity, the engine, the remote shell, the mail relay, the
/// stderr log. The scheduler keeps real time; with the simulator each run lives on simulated
/// time, as <c>cdt execute</c> does, so a night's run takes seconds. Disposing it closes the shell.
/// </summary>
public sealed class SchedulerHost : IAsyncDisposable
{
    private readonly ShellScheduleFleet _fleet;

    public SchedulerHost(CliContext context, CdtConfig config, string command)
    {
        var log = new StderrLogger(context.Error, context.Time);
        TimeProvider RunClock() => config.Transport == TransportKind.Simulator
            ? new ScaledTimeProvider(context.Time.GetUtcNow(), config.Simulator.TimeScale, context.Time)
            : context.Time;
        var fleetClock = RunClock();
        var mail = config.Smtp is { } smtp ? new Host.SmtpMailSender(smtp, context.Environment) : null;
        _fleet = new ShellScheduleFleet(context.Files, config.Inventory, inventory => RemoteShellFactory.Create(config, inventory, fleetClock, context.Environment));
        Ports = new SchedulerPorts
        {
            Store = new ScheduleStateStore(context.Files, context.Resolve(config.StateDir)),
            Files = context.Files,
            Time = context.Time,
            Launcher = new EngineRunLauncher(config, () => LocalPorts.Execution(context.WithTime(RunClock()), config), [new PlainProgress(context.Error)], log, mail),
            Fleet = _fleet,
            Mail = mail,
            Processes = context.Processes,
            Identity = context.Processes.Self(command),
            Log = log,
        };
    }

    public SchedulerPorts Ports { get; }

    /// <summary>The schedules a command works on: all, or the one named (a wrong name is bad input).</summary>
    public static IReadOnlyList<ScheduleSettings> Select(CdtConfig config, string? name)
    {
        if (config.Schedules.Count == 0)
        {
            throw new CdtInputException(config.Source, null, null, "no schedules: add a 'schedules:' section (see cdt.conf.sample)");
        }

        if (name is null)
        {
            return config.Schedules;
        }

        return config.Schedules.Where(s => s.Name == name).ToList() is { Count: > 0 } one
            ? one
            : throw new CdtInputException(config.Source, null, null, $"no schedule named '{name}' (there are: {string.Join(", ", config.Schedules.Select(s => s.Name))})");
    }

    public ValueTask DisposeAsync() => _fleet.DisposeAsync();
}
