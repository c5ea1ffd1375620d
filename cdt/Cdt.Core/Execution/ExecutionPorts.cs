using Cdt.Execution.Choreography;
using Cdt.Fleet;
using Cdt.Locking;
using Cdt.Storage;
using Cdt.Transport;

namespace Cdt.Execution;

/// <summary>Everything an execute reaches outside the core through: gateways, clock, files, processes, reports.</summary>
public sealed record ExecutionPorts
{
    /// <summary>The remote shell for the run's inventory and folder (one per run, disposed at its end).</summary>
    public required Func<ShellScope, IRemoteShell> Shells { get; init; }

    public required TimeProvider Time { get; init; }

    public required IFileStore Files { get; init; }

    /// <summary>This process and the others, for the list's lock.</summary>
    public required IProcessTable Processes { get; init; }

    public required IRunReports Reports { get; init; }

    public ChoreographyRegistry Choreographies { get; init; } = new();

    /// <summary>
    /// What installs a unit's policy after its package (one per run, disposed at its end); null
    /// where nothing can (the run then refuses an <c>install_policy</c> other than none).
    /// </summary>
    public Func<Policy.IPolicyInstaller>? Policies { get; init; }
}
