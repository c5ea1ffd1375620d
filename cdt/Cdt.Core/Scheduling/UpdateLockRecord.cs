namespace Cdt.Scheduling;

/// <summary>The update lock: a scheduled run failed; no scheduled run starts and manual runs refuse until an admin runs <c>cdt unlock</c>.</summary>
public sealed record UpdateLockRecord
{
    public required DateTimeOffset SetAt { get; init; }

    public required string Reason { get; init; }

    public DateTimeOffset? Window { get; init; }
}
