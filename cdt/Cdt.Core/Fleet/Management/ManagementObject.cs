namespace Cdt.Fleet.Management;

/// <summary>One object of <c>show-gateways-and-servers</c>, reduced to what an inventory needs.</summary>
public sealed record ManagementObject
{
    public required string Name { get; init; }

    public required string Type { get; init; }

    public string? Ipv4Address { get; init; }

    public string? Version { get; init; }

    public string? Hardware { get; init; }

    /// <summary>A cluster's members, by name (the link from a cluster to its member objects).</summary>
    public IReadOnlyList<string> ClusterMemberNames { get; init; } = [];

    /// <summary>The policy package the object's policy comes from (<c>policy.access-policy-name</c>, else <c>threat-policy-name</c>); null when the server gives none.</summary>
    public string? PolicyPackage { get; init; }
}
