using System.Text.Json.Serialization;

namespace Cdt.Management;

public sealed class LoginReply
{
    [JsonPropertyName("sid")] public string? Sid { get; set; }
}
