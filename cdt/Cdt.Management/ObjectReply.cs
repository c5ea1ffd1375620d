using System.Text.Json.Serialization;

namespace Cdt.Management;

public sealed class ObjectReply
{
    [JsonPropertyName("name")] public string? Name { get; set; }

    [JsonPropertyName("type")] public string? Type { get; set; }

    [JsonPropertyName("ipv4-address")] public string? Ipv4Address { get; set; }

    [JsonPropertyName("version")] public string? Version { get; set; }

    [JsonPropertyName("hardware")] public string? Hardware { get; set; }

    [JsonPropertyName("cluster-member-names")] public List<string>? ClusterMemberNames { get; set; }

    [JsonPropertyName("policy")] public PolicyReply? Policy { get; set; }
}
