using Cdt.Config;
using Cdt.Fleet;

namespace Cdt.Execution.Policy;

/// <summary>One policy installation: on a unit's object, once, after its last member.</summary>
public sealed record PolicyRequest
{
    /// <summary>The unit: a gateway, or the cluster, pair or Security Group object.</summary>
    public required string Unit { get; init; }

    /// <summary><c>install-policy</c>'s <c>targets</c>: the cluster object, never its members one by one.</summary>
    public required IReadOnlyList<string> Targets { get; init; }

    public required PolicyInstall Policies { get; init; }

    /// <summary><c>execute.policy_package</c>; null: the object's own policy package, as the server lists it.</summary>
    public string? Package { get; init; }

    /// <summary>The unit's gateways as the inventory describes them (the simulator reads their faults).</summary>
    public required IReadOnlyList<Gateway> Members { get; init; }
}
