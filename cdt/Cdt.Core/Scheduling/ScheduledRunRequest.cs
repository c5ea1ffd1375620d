using Cdt.Config;

namespace Cdt.Scheduling;

/// <summary>A run the scheduler asks the engine for.</summary>
public sealed record ScheduledRunRequest
{
    public required ScheduleSettings Schedule { get; init; }

    public required InstallWindow Window { get; init; }

    /// <summary>An earlier run of this same window was interrupted (its process died): continue it from its journal.</summary>
    public bool Resume { get; init; }
}
