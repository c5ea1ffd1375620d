namespace Cdt.Execution;

/// <summary>How <c>cdt execute</c> was asked to go about a request: as a dry run, or past a schedule's update lock.</summary>
public sealed record ExecuteOptions
{
    public bool DryRun { get; init; }

    /// <summary><c>--ignore-lock</c>: run even though a schedule's update lock is set.</summary>
    public bool IgnoreLock { get; init; }

    /// <summary>The schedules' state folder, where their update locks are (full path).</summary>
    public required string StateDir { get; init; }
}
