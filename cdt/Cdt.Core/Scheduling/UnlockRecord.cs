namespace Cdt.Scheduling;

/// <summary>Who removed the update lock, when, and what it had said.</summary>
public sealed record UnlockRecord
{
    public required string By { get; init; }

    public required DateTimeOffset At { get; init; }

    public required string LockReason { get; init; }
}
