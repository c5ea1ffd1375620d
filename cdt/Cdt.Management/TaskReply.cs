using System.Text.Json.Serialization;

namespace Cdt.Management;

/// <summary>One task as <c>show-task</c> (details-level full) shows it.</summary>
public sealed class TaskReply
{
    [JsonPropertyName("status")] public string? Status { get; set; }

    [JsonPropertyName("progress-percentage")] public int? ProgressPercentage { get; set; }

    [JsonPropertyName("task-details")] public List<TaskDetail>? TaskDetails { get; set; }
}
