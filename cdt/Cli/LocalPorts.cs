using Cdt.Config;
using Cdt.Execution;
using Cdt.Execution.Choreography;
using Cdt.Execution.Policy;
using Cdt.Fleet;
using Cdt.Fleet.Management;
using Cdt.Host;
using Cdt.Management;
using Cdt.Reporting;
using Cdt.Simulation;
using Cdt.Transport;

namespace Cdt.Cli;

/// <summary>The composition root: the core's ports bound to this machine (files, processes, reports) and to a transport.</summary>
public static class LocalPorts
{
    /// <summary>The ports of a command: the transport cdt.conf asks for, on the context's clock and files.</summary>
    public static ExecutionPorts Execution(CliContext context, CdtConfig config, ChoreographyRegistry? choreographies = null) =>
        Execution(scope => RemoteShellFactory.Create(config, scope, context.Time, context.Environment), context.Time, choreographies) with
        {
            Files = context.Files,
            Processes = context.Processes,
            Reports = new RunFolderReports(context.Files, context.Time, () => Environment.TickCount64),
            Policies = Policies(context, config),
        };

    /// <summary>
    /// What installs policies after the package: the management server of <c>inventory.management</c>
    /// when there is one, else the simulator's stand-in on a simulated fleet; nothing otherwise.
    /// </summary>
    public static Func<IPolicyInstaller>? Policies(CliContext context, CdtConfig config) => config.Management is { } management
        ? () => new ManagementPolicyInstaller(new ManagementClient(management, context.Environment), management)
        : config.Transport == TransportKind.Simulator ? () => new SimPolicyInstaller(context.Time) : null;

    /// <summary>The ports of <c>cdt execute</c>: these on any clock, the simulator's fast clock, and progress on stderr (live where the terminal can redraw).</summary>
    public static ExecuteWorkflowPorts Workflow(CliContext context, CdtConfig config, ChoreographyRegistry? choreographies = null, IReadOnlyList<IRunObserver>? observers = null) => new()
    {
        Ports = Execution(context, config, choreographies),
        OnClock = time => Execution(context.WithTime(time), config, choreographies),
        SimulatedClock = (scale, start) => new ScaledTimeProvider(start ?? context.Time.GetLocalNow(), scale, context.Time),
        Observers = time =>
        [
            (IRunObserver?)TerminalProgress.Live(context.Error, time) ?? new QuietOnBrokenTerminal(new PlainProgress(context.Error)),
            .. observers ?? [],
        ],
    };

    /// <summary>The ports of a run on the local disk with the given shells and clock (tests and benchmarks bring their own shells).</summary>
    public static ExecutionPorts Execution(Func<ShellScope, IRemoteShell> shells, TimeProvider time, ChoreographyRegistry? choreographies = null) => new()
    {
        Shells = shells,
        Time = time,
        Files = LocalFileStore.Instance,
        Processes = new OsProcessTable(),
        Reports = new RunFolderReports(LocalFileStore.Instance, time, () => Environment.TickCount64),
        Choreographies = choreographies ?? new ChoreographyRegistry(),
    };

    /// <summary>The Management API client, with secrets from the context's environment.</summary>
    public static IManagementApi Management(CliContext context, ManagementSettings settings) =>
        new ManagementClient(settings, context.Environment);
}
