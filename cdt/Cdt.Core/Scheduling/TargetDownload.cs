namespace Cdt.Scheduling;

/// <summary>One target's copy of the package: verified by checksum or not, and the attempts spent per round.</summary>
public sealed record TargetDownload
{
    public required string Name { get; init; }

    public bool Verified { get; init; }

    /// <summary>Attempts during the preparation window (round 1).</summary>
    public int AheadAttempts { get; init; }

    /// <summary>Attempts right before the install (round 2).</summary>
    public int FinalAttempts { get; init; }

    public string? LastError { get; init; }
}
