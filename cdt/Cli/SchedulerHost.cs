using Cdt.Config;
using Cdt.Files;
using Cdt.Fleet;
using Cdt.Reporting;
using Cdt.Scheduling;
using Cdt.Simulation;
using Cdt.Transport;

namespace Cdt.Cli;

/// <summary>
/// Wires the scheduler to the real world for <c>daemon</c>, <c>run-due</c> and <c>unlock</c>:
/// the state folder, this process's identity, the engine, one shared remote shell, the mail relay,
/// the stderr log. Disposing it closes the shell.
/// </summary>
public sealed class SchedulerHost : IAsyncDisposable
{
    private SharedShell? _shell;

    public SchedulerHost(CliContext context, CdtConfig config, string command, TimeProvider time)
    {
        var log = new StderrLogger(context.Error, time);
        IRemoteShell Shells(FleetInventory inventory) => _shell ??= new SharedShell(RemoteShellFactory.Create(config, inventory, time));
        Ports = new SchedulerPorts
        {
            Store = new ScheduleStateStore(context.Resolve(config.StateDir)),
            Time = time,
            Launcher = new EngineRunLauncher(config, Shells, time, Environment.ProcessId, [new PlainProgress(context.Error)], log),
            Fleet = new ShellScheduleFleet(config.Inventory, Shells),
            Mail = config.Smtp is { } smtp ? new SmtpMailSender(smtp, context.Environment) : null,
            Processes = new OsProcessTable(),
            Identity = OsProcessTable.Self(command),
            Log = log,
        };
    }

    public SchedulerPorts Ports { get; }

    /// <summary>
    /// The scheduler's clock. The simulated fleet lives on simulated time (as in execute): the
    /// scheduler, its windows and the runs it starts all run <c>time_scale</c> times faster, so a
    /// week of nightly windows passes in minutes. Real fleets use real time.
    /// </summary>
    public static TimeProvider Clock(CdtConfig config, CliContext context, double? scale)
    {
        if (config.Transport != TransportKind.Simulator)
        {
            return scale is null ? context.Time : throw new CdtInputException("cdt: --time-scale is for the simulator only ('transport: simulator')");
        }

        var factor = scale ?? config.Simulator.TimeScale;
        return factor < 1
            ? throw new CdtInputException("cdt: --time-scale must be at least 1 (1: real time)")
            : new ScaledTimeProvider(context.Time.GetUtcNow(), factor, context.Time);
    }

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

    public async ValueTask DisposeAsync()
    {
        if (_shell is not null)
        {
            await _shell.DisposeInnerAsync();
        }
    }
}
