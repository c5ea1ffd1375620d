using System.Text.Json.Serialization;

namespace Cdt.Management;

public sealed class ShowTaskReply
{
    [JsonPropertyName("tasks")] public List<TaskReply>? Tasks { get; set; }
}
