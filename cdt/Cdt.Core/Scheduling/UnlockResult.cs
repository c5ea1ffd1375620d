using Cdt.Locking;
namespace Cdt.Scheduling;

/// <summary>What <c>cdt unlock</c> did for one schedule.</summary>
public sealed record UnlockResult
{
    public required string Schedule { get; init; }

    /// <summary>The lock that was removed; null when there was none.</summary>
    public UpdateLockRecord? Removed { get; init; }

    /// <summary>A run of the schedule is in progress (nothing was changed).</summary>
    public LockHolder? RefusedBy { get; init; }

    public string? Error { get; init; }

    /// <summary>The warning flag stays: only a complete, verified download clears it.</summary>
    public FlagRecord? FlagStillSet { get; init; }
}
