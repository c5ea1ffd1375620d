namespace Cdt.Execution;

/// <summary>What <see cref="ExecuteWorkflow"/> reaches outside the core through: the run's ports on a chosen clock, and its observers.</summary>
public sealed record ExecuteWorkflowPorts
{
    /// <summary>The ports on the command's own clock: for the dry run and the lock check.</summary>
    public required ExecutionPorts Ports { get; init; }

    /// <summary>The same ports on another clock: a run lives on its fleet's clock.</summary>
    public required Func<TimeProvider, ExecutionPorts> OnClock { get; init; }

    /// <summary>A clock starting now that runs this many times faster than the command's: the simulated fleet's.</summary>
    public required Func<double, TimeProvider> SimulatedClock { get; init; }

    /// <summary>Who watches the run (progress on the terminal), on the run's clock.</summary>
    public required Func<TimeProvider, IReadOnlyList<IRunObserver>> Observers { get; init; }
}
