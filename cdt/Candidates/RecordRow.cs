using System.Text.Json.Serialization;

namespace Cdt.Candidates;

/// <summary>One generated row as the generation record keeps it.</summary>
public sealed record RecordRow(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("cluster")] string Cluster,
    [property: JsonPropertyName("ip")] string Ip,
    [property: JsonPropertyName("version")] string Version,
    [property: JsonPropertyName("state")] string State,
    [property: JsonPropertyName("order")] string Order,
    [property: JsonPropertyName("line")] int Line,
    [property: JsonPropertyName("reason")] string? Reason);
