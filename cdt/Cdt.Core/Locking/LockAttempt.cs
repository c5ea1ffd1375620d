namespace Cdt.Locking;

/// <summary>
/// Asking for a schedule's run lock: granted (with the stale holder it replaced, if any), or
/// refused because a live process holds it.
/// </summary>
public sealed record LockAttempt
{
    public RunLease? Lease { get; init; }

    /// <summary>The live holder that refused us.</summary>
    public LockHolder? HeldBy { get; init; }

    /// <summary>A dead holder whose lock was taken over (reported, never silent).</summary>
    public LockHolder? Stale { get; init; }

    /// <summary>Set when the guard of the lock file stayed locked by other processes too long.</summary>
    public string? Error { get; init; }

    public bool Acquired => Lease is not null;
}
