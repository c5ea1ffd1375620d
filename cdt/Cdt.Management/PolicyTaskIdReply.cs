using System.Text.Json.Serialization;

namespace Cdt.Management;

/// <summary>The reply of an asynchronous call such as <c>install-policy</c>: the task to follow with <c>show-task</c>.</summary>
public sealed class PolicyTaskIdReply
{
    [JsonPropertyName("task-id")] public string? TaskId { get; set; }
}
