using System.Text.Json.Serialization;

namespace Cdt.Management;

public sealed class ClusterReply
{
    [JsonPropertyName("cluster-mode")] public string? ClusterMode { get; set; }

    [JsonPropertyName("cluster-members")] public List<NameBody>? ClusterMembers { get; set; }
}
