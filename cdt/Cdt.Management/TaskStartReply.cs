using System.Text.Json.Serialization;

namespace Cdt.Management;

/// <summary>What a long call returns: <c>{"tasks":[{"target","task-id"}]}</c> (run-script) or <c>{"task-id"}</c>.</summary>
public sealed class TaskStartReply
{
    [JsonPropertyName("task-id")] public string? TaskId { get; set; }

    [JsonPropertyName("tasks")] public List<TaskStart>? Tasks { get; set; }

    /// <summary>The one task of a one-target call, in either shape.</summary>
    public string? Id => TaskId ?? Tasks?.FirstOrDefault()?.TaskId;
}
