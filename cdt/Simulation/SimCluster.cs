using Cdt.Fleet;

namespace Cdt.Simulation;

/// <summary>Shared state of a simulated cluster, pair or Security Group.</summary>
public sealed class SimCluster
{
    public string Name { get; set; } = string.Empty;

    public ClusterKind Kind { get; set; }

    public List<string> Members { get; set; } = [];

    /// <summary>Security Groups: SMO image auto-clone (on by default, as on real systems).</summary>
    public bool AutoClone { get; set; } = true;

    /// <summary>True while the invariant is broken, so one outage is reported once.</summary>
    public bool OutOfService { get; set; }
}
