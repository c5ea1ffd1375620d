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

    /// <summary>Sites (Maestro) or chassis (dual chassis) set administratively down as a whole; survives reboots.</summary>
    public List<int> AdminDownSites { get; set; } = [];

    /// <summary>Dual chassis: the chassis that carries the traffic (no preemption: it keeps it while it serves).</summary>
    public int ActiveSite { get; set; } = 1;

    /// <summary>Active/passive pairs: the nodes are synchronized (lost when one reboots, back a while after).</summary>
    public bool InSync { get; set; } = true;

    /// <summary>True while the invariant is broken, so one outage is reported once.</summary>
    public bool OutOfService { get; set; }
}
