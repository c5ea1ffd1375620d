using System.Text.Json.Serialization;

namespace Cdt.Management;

/// <summary>One entry of a task's <c>task-details</c>; <c>statusDescription</c> says what went wrong.</summary>
public sealed class PolicyTaskDetailReply
{
    [JsonPropertyName("statusCode")] public string? StatusCode { get; set; }

    [JsonPropertyName("statusDescription")] public string? StatusDescription { get; set; }
}
