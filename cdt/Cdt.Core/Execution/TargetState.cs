namespace Cdt.Execution;

/// <summary>One target as the journal tells it: status, current step, times, last message.</summary>
public sealed class TargetState
{
    public required string Name { get; init; }

    public required string Unit { get; init; }

    public required int Batch { get; init; }

    public TargetStatus Status { get; set; } = TargetStatus.Pending;

    public string? Step { get; set; }

    /// <summary>
    /// The step started and not finished: after a kill, the step that was cut off (an install
    /// whose reboot resume must wait out), until the target runs a step again.
    /// </summary>
    public string? OpenStep { get; set; }

    public string Message { get; set; } = string.Empty;

    public DateTimeOffset? Started { get; set; }

    public DateTimeOffset? Finished { get; set; }

    /// <summary>Steps that completed successfully (resume does not repeat those that must run once).</summary>
    public HashSet<string> CompletedSteps { get; } = new(StringComparer.Ordinal);

    public TimeSpan? Duration => Started is { } s && Finished is { } f ? f - s : null;
}
