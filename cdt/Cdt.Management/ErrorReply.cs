using System.Text.Json.Serialization;

namespace Cdt.Management;

public sealed class ErrorReply
{
    [JsonPropertyName("code")] public string? Code { get; set; }

    [JsonPropertyName("message")] public string? Message { get; set; }
}
