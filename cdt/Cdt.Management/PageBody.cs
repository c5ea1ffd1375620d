using System.Text.Json.Serialization;

namespace Cdt.Management;

public sealed class PageBody
{
    [JsonPropertyName("offset")] public int Offset { get; set; }

    [JsonPropertyName("limit")] public int Limit { get; set; }

    [JsonPropertyName("details-level")] public string DetailsLevel { get; set; } = "full";
}
