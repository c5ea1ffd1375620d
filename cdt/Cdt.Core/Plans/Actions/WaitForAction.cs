namespace Cdt.Plans;

/// <summary>
/// <c>wait_for</c>: runs a command every <see cref="Interval"/> until the target is healthy: its
/// output contains <see cref="Output"/> and/or it exits with <see cref="ExitCode"/> (exit 0 when
/// neither is given). Not healthy within the time-out: the action fails.
/// </summary>
public sealed record WaitForAction : PlanAction
{
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(30);

    public override string ActionName => "wait_for";

    public required string Command { get; init; }

    public string? Output { get; init; }

    public int? ExitCode { get; init; }

    public TimeSpan Interval { get; init; } = DefaultInterval;

    /// <summary>The exit code that means healthy: as written, else 0 unless only an output was given.</summary>
    public int? ExpectedExitCode => ExitCode ?? (Output is null ? 0 : null);

    public override TimeSpan DefaultTimeout => TimeSpan.FromMinutes(15);
}
