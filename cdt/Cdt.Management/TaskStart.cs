using System.Text.Json.Serialization;

namespace Cdt.Management;

public sealed class TaskStart
{
    [JsonPropertyName("target")] public string? Target { get; set; }

    [JsonPropertyName("task-id")] public string? TaskId { get; set; }
}
