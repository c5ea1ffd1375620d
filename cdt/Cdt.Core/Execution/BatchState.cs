namespace Cdt.Execution;

/// <summary>One batch as the journal tells it.</summary>
public sealed class BatchState
{
    public required int Number { get; init; }

    public bool Started { get; set; }

    public DateTimeOffset? StartedAt { get; set; }

    public bool Finished { get; set; }

    /// <summary>Why it was not started (deadline, failure threshold, cancelled), if it was not.</summary>
    public string? NotStartedReason { get; set; }
}
