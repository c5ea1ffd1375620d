using System.Text.Json.Serialization;

namespace Cdt.Management;

public sealed class NameBody
{
    [JsonPropertyName("name")] public string? Name { get; set; }
}
