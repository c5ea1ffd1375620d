namespace Cdt.Candidates;

/// <summary>One row of an Installation Candidates List, with the line it came from (0 when generated).</summary>
public sealed record CandidateRow
{
    public required string ObjectName { get; init; }

    public string ClusterName { get; init; } = string.Empty;

    public required string IpAddress { get; init; }

    public required string Version { get; init; }

    public string State { get; init; } = string.Empty;

    public required UpgradeOrder Order { get; init; }

    public int Line { get; init; }

    /// <summary>Why the row is N/A (generate only; the six columns have no room for it).</summary>
    public string? Reason { get; init; }
}
