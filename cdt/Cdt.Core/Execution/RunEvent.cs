using System.Text.Json.Serialization;

namespace Cdt.Execution;

/// <summary>
/// One transition of a run: a line of the journal, and what progress, status files and logs are
/// made from. The journal of a run is the single source for resume, reports and estimates.
/// </summary>
public sealed record RunEvent
{
    [JsonPropertyName("at")]
    public required string At { get; init; }

    [JsonPropertyName("event")]
    public required string Event { get; init; }

    [JsonPropertyName("batch")]
    public int? Batch { get; init; }

    [JsonPropertyName("unit")]
    public string? Unit { get; init; }

    [JsonPropertyName("target")]
    public string? Target { get; init; }

    [JsonPropertyName("step")]
    public string? Step { get; init; }

    [JsonPropertyName("status")]
    public string? Status { get; init; }

    [JsonPropertyName("message")]
    public string? Message { get; init; }

    [JsonPropertyName("seconds")]
    public double? Seconds { get; init; }

    [JsonPropertyName("list")]
    public string? List { get; init; }

    [JsonPropertyName("config")]
    public string? Config { get; init; }

    [JsonPropertyName("plan")]
    public string? Plan { get; init; }

    [JsonPropertyName("deadline")]
    public string? Deadline { get; init; }

    [JsonPropertyName("list_sha256")]
    public string? ListSha256 { get; init; }

    [JsonPropertyName("pid")]
    public int? Pid { get; init; }

    /// <summary>On run_started and run_resumed: the batches after which this run waits for an approval.</summary>
    [JsonPropertyName("approve_after")]
    public IReadOnlyList<int>? ApproveAfter { get; init; }

    /// <summary>On approved: who approved (the operator's user name).</summary>
    [JsonPropertyName("user")]
    public string? User { get; init; }

    /// <summary>On approved: the operator's note, control characters escaped.</summary>
    [JsonPropertyName("note")]
    public string? Note { get; init; }

    /// <summary>On policy_task: the management server's task id of the policy installation.</summary>
    [JsonPropertyName("task")]
    public string? Task { get; init; }

    /// <summary>On policy_task: the policy package being installed.</summary>
    [JsonPropertyName("policy_package")]
    public string? PolicyPackage { get; init; }

    /// <summary>On run_started: "uninstall" for <c>--uninstall</c> runs (absent: install), so resume continues the same action.</summary>
    [JsonPropertyName("action")]
    public string? Action { get; init; }
}
