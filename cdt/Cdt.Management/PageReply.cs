using System.Text.Json.Serialization;

namespace Cdt.Management;

public sealed class PageReply
{
    [JsonPropertyName("from")] public int? From { get; set; }

    [JsonPropertyName("to")] public int? To { get; set; }

    [JsonPropertyName("total")] public int? Total { get; set; }

    [JsonPropertyName("objects")] public List<ObjectReply>? Objects { get; set; }
}
