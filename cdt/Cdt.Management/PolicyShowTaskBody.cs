using System.Text.Json.Serialization;

namespace Cdt.Management;

public sealed class PolicyShowTaskBody
{
    [JsonPropertyName("task-id")] public string? TaskId { get; set; }

    [JsonPropertyName("details-level")] public string DetailsLevel { get; set; } = "full";
}
