namespace Cdt.Fleet.Management;

/// <summary>
/// The object types of <c>show-gateways-and-servers</c> cdt knows, in both spellings the API uses
/// (the object-model name and the API name). Anything else becomes an N/A row naming its type.
/// </summary>
public static class ManagementObjectTypes
{
    public static readonly IReadOnlySet<string> Gateways = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "simple-gateway", "CpmiGatewayPlain",
    };

    public static readonly IReadOnlySet<string> Clusters = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "simple-cluster", "CpmiGatewayCluster",
    };

    public static readonly IReadOnlySet<string> VsxClusters = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "CpmiVsClusterNetobj", "CpmiVsxClusterNetobj",
    };

    public static readonly IReadOnlySet<string> Members = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "cluster-member", "CpmiClusterMember", "CpmiVsClusterMember", "CpmiVsxClusterMember",
    };

    /// <summary>Management, log and other servers: listed by the call, never install targets.</summary>
    public static readonly IReadOnlySet<string> Servers = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "checkpoint-host", "CpmiHostCkp",
    };

    /// <summary><c>cluster-mode</c> of <c>show-simple-cluster</c> to the inventory's cluster type.</summary>
    public static readonly IReadOnlyDictionary<string, string> ClusterModes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["cluster-xl-ha"] = "clusterxl-ha",
        ["cluster-ls-multicast"] = "clusterxl-ls",
        ["cluster-ls-unicast"] = "clusterxl-ls",
        ["vrrp"] = "vrrp",
    };

    /// <summary>Security Groups show as one gateway object whose hardware names the platform.</summary>
    public static string? SecurityGroupPlatform(string? hardware) =>
        hardware is null ? null
        : hardware.Contains("Maestro", StringComparison.OrdinalIgnoreCase) ? "Maestro"
        : hardware.Contains("ElasticXL", StringComparison.OrdinalIgnoreCase) ? "ElasticXL"
        : null;

    public static bool IsCluster(string type) => Clusters.Contains(type) || VsxClusters.Contains(type);
}
