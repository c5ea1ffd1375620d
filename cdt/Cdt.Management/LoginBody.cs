using System.Text.Json.Serialization;

namespace Cdt.Management;

/// <summary>The <c>login</c> body: an API key or a user and password, and the domain on a Multi-Domain Server.</summary>
public sealed class LoginBody
{
    [JsonPropertyName("user")] public string? User { get; set; }

    [JsonPropertyName("password")] public string? Password { get; set; }

    [JsonPropertyName("api-key")] public string? ApiKey { get; set; }

    [JsonPropertyName("domain")] public string? Domain { get; set; }

    [JsonPropertyName("read-only")] public bool ReadOnly { get; set; }
}
