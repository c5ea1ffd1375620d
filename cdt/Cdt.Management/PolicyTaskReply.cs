using System.Text.Json.Serialization;

namespace Cdt.Management;

/// <summary>One task of <c>show-task</c>: <c>in progress</c>, <c>succeeded</c>, <c>succeeded with warnings</c>, <c>partially succeeded</c> or <c>failed</c>.</summary>
public sealed class PolicyTaskReply
{
    [JsonPropertyName("task-id")] public string? TaskId { get; set; }

    [JsonPropertyName("status")] public string? Status { get; set; }

    [JsonPropertyName("progress-percentage")] public int? ProgressPercentage { get; set; }

    [JsonPropertyName("comments")] public string? Comments { get; set; }

    [JsonPropertyName("task-details")] public List<PolicyTaskDetailReply>? TaskDetails { get; set; }
}
