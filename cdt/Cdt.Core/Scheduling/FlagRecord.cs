namespace Cdt.Scheduling;

/// <summary>
/// The warning flag: a download round failed. It does not stop anything; it clears only when a
/// complete, checksum-verified download succeeds, and no command clears it by hand.
/// </summary>
public sealed record FlagRecord
{
    public required DateTimeOffset SetAt { get; init; }

    public required string Reason { get; init; }
}
