using Cdt.Fleet;

namespace Cdt.Execution;

/// <summary>
/// What moves together inside a batch: a standalone gateway, or a cluster / Security Group / pair
/// with its members. <see cref="Members"/> holds every member (some may already be Installed);
/// <see cref="Targets"/> the ones this run installs.
/// </summary>
public sealed record RunUnit
{
    public required string Name { get; init; }

    public required UnitKind Kind { get; init; }

    public Cluster? Cluster { get; init; }

    public required IReadOnlyList<RunTarget> Members { get; init; }

    public required IReadOnlyList<RunTarget> Targets { get; init; }

    public required int Batch { get; init; }

    /// <summary>Parallel slots the unit takes: a cluster counts as its members.</summary>
    public int Slots => Members.Count;

    public bool IsCluster => Kind != UnitKind.Standalone;
}
