using Cdt.Locking;
namespace Cdt.Scheduling;

/// <summary>What one pass over one schedule did, and when the schedule next needs attention.</summary>
public sealed record PassResult
{
    public required string Schedule { get; init; }

    /// <summary>The outcome of the install window run (or skipped) in this pass, if any.</summary>
    public RunOutcome? Outcome { get; init; }

    /// <summary>A live process held the schedule's run lock, so due work waits for it.</summary>
    public LockHolder? RefusedBy { get; init; }

    /// <summary>The state or lock file could not be used.</summary>
    public string? Error { get; init; }

    /// <summary>The system refused the schedule's state or lock file (a full disk, a read-only folder): <c>cannot write PATH: REASON</c>.</summary>
    public string? IoError { get; init; }

    /// <summary>When to look again: the next window, or a retry after a refusal.</summary>
    public NextEvent? Next { get; init; }
}
