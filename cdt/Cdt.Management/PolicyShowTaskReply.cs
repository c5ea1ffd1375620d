using System.Text.Json.Serialization;

namespace Cdt.Management;

/// <summary>The <c>show-task</c> reply of a policy installation: one entry per task asked for.</summary>
public sealed class PolicyShowTaskReply
{
    [JsonPropertyName("tasks")] public List<PolicyTaskReply>? Tasks { get; set; }
}
