namespace Cdt.Fleet;

/// <summary>A set of gateways that moves together: a cluster, a VRRP pair, a Security Group, an active/passive pair.</summary>
public sealed record Cluster
{
    public required string Name { get; init; }

    public required ClusterKind Kind { get; init; }

    public required IReadOnlyList<string> Members { get; init; }

    /// <summary>Security Groups: 1 or 2 sites (Maestro) or chassis (dual chassis).</summary>
    public int Sites { get; init; } = 1;

    /// <summary>Line and column in the inventory file, for messages.</summary>
    public int Line { get; init; }

    public int Column { get; init; }

    /// <summary>Security Groups: how many logical groups to install in turn (null: cdt.conf's <c>security_groups.groups</c>).</summary>
    public int? LogicalGroups { get; init; }

    /// <summary>Active/passive pairs: the commands set for this pair (missing ones come from cdt.conf).</summary>
    public PairCommands? Commands { get; init; }

    /// <summary>Active/passive pairs: at most this many install rounds (null: cdt.conf's).</summary>
    public int? MaxRounds { get; init; }

    public bool IsSecurityGroup => Kind is ClusterKind.MaestroSecurityGroup or ClusterKind.ElasticXlSecurityGroup or ClusterKind.DualChassis;

    /// <summary>Whether CDT can install on it at all (ClusterXL Load Sharing cannot).</summary>
    public bool IsSupported => Kind != ClusterKind.ClusterXlLoadSharing;
}
