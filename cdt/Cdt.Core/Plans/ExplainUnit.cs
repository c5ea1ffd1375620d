using Cdt.Fleet;

namespace Cdt.Plans;

/// <summary>
/// One unit explained as the example of its kind: a standalone gateway (<see cref="Kind"/> null)
/// or a cluster, with the other units of the same kind found in a candidates list.
/// </summary>
public sealed record ExplainUnit
{
    public ClusterKind? Kind { get; init; }

    public required string Name { get; init; }

    public required IReadOnlyList<ExplainMember> Members { get; init; }

    /// <summary>The other units of this kind in the list (empty for the built-in examples).</summary>
    public IReadOnlyList<string> Others { get; init; } = [];
}
