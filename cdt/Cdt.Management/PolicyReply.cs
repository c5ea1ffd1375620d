using System.Text.Json.Serialization;

namespace Cdt.Management;

/// <summary>An object's <c>policy</c> in <c>show-gateways-and-servers</c> (details-level full): the policy installed on it.</summary>
public sealed class PolicyReply
{
    [JsonPropertyName("access-policy-name")] public string? AccessPolicyName { get; set; }

    [JsonPropertyName("threat-policy-name")] public string? ThreatPolicyName { get; set; }
}
