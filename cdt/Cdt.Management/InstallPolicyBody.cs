using System.Text.Json.Serialization;

namespace Cdt.Management;

/// <summary>
/// The <c>install-policy</c> body. A policy left out (null) is installed when its package enables
/// it, which is the server's own default; <c>all</c> leaves every one out.
/// </summary>
public sealed class InstallPolicyBody
{
    [JsonPropertyName("policy-package")] public string? PolicyPackage { get; set; }

    [JsonPropertyName("targets")] public List<string>? Targets { get; set; }

    [JsonPropertyName("access")] public bool? Access { get; set; }

    [JsonPropertyName("threat-prevention")] public bool? ThreatPrevention { get; set; }

    [JsonPropertyName("qos")] public bool? Qos { get; set; }

    [JsonPropertyName("desktop-security")] public bool? DesktopSecurity { get; set; }
}
