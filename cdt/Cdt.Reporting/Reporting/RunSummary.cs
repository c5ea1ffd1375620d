using System.Text.Json.Serialization;

namespace Cdt.Reporting;

/// <summary>summary.json: the outcome of a run for machines (monitoring, scripts).</summary>
public sealed record RunSummary
{
    [JsonPropertyName("list")]
    public required string List { get; init; }

    [JsonPropertyName("run_folder")]
    public required string RunFolder { get; init; }

    [JsonPropertyName("started")]
    public string? Started { get; init; }

    [JsonPropertyName("finished")]
    public string? Finished { get; init; }

    [JsonPropertyName("deadline")]
    public string? Deadline { get; init; }

    [JsonPropertyName("outcome")]
    public required string Outcome { get; init; }

    [JsonPropertyName("stop_reason")]
    public string? StopReason { get; init; }

    /// <summary>The batch after which the run waits for <c>cdt approve</c>, while it does.</summary>
    [JsonPropertyName("waiting_for_approval_after")]
    public int? WaitingAfter { get; init; }

    /// <summary>Who approved which gate and when (absent: no approval in this run).</summary>
    [JsonPropertyName("approvals")]
    public IReadOnlyList<ApprovalSummary>? Approvals { get; init; }

    [JsonPropertyName("counts")]
    public required IReadOnlyDictionary<string, int> Counts { get; init; }

    [JsonPropertyName("batches")]
    public required IReadOnlyList<BatchSummary> Batches { get; init; }

    [JsonPropertyName("units")]
    public required IReadOnlyList<UnitSummary> Units { get; init; }

    [JsonPropertyName("failures")]
    public required IReadOnlyList<FailureSummary> Failures { get; init; }

    public sealed record BatchSummary(
        [property: JsonPropertyName("number")] int Number,
        [property: JsonPropertyName("status")] string Status,
        [property: JsonPropertyName("targets")] int Targets,
        [property: JsonPropertyName("reason")] string? Reason);

    public sealed record UnitSummary(
        [property: JsonPropertyName("name")] string Name,
        [property: JsonPropertyName("batch")] int Batch,
        [property: JsonPropertyName("status")] string Status,
        [property: JsonPropertyName("message")] string? Message)
    {
        /// <summary>The policy installed after the package (absent: the run installs none, or the unit never got that far).</summary>
        [JsonPropertyName("policy")]
        public PolicySummary? Policy { get; init; }
    }

    /// <summary>A unit's policy installation: running, succeeded or failed, with the task and the package.</summary>
    public sealed record PolicySummary(
        [property: JsonPropertyName("status")] string Status,
        [property: JsonPropertyName("package")] string? Package,
        [property: JsonPropertyName("message")] string? Message);

    public sealed record ApprovalSummary(
        [property: JsonPropertyName("after_batch")] int AfterBatch,
        [property: JsonPropertyName("user")] string User,
        [property: JsonPropertyName("at")] string At,
        [property: JsonPropertyName("note")] string? Note);

    public sealed record FailureSummary(
        [property: JsonPropertyName("target")] string Target,
        [property: JsonPropertyName("message")] string Message);
}
