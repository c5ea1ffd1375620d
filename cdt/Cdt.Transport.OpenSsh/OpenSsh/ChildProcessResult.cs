namespace Cdt.Transport.OpenSsh;

/// <summary>What a child process gave: exit code, captured output (capped), and whether it was killed for its time-out.</summary>
public sealed record ChildProcessResult
{
    public required int ExitCode { get; init; }

    public required byte[] Stdout { get; init; }

    public required string Stderr { get; init; }

    public required TimeSpan Duration { get; init; }

    public bool TimedOut { get; init; }

    /// <summary>Some output was dropped because it passed the cap.</summary>
    public bool Truncated { get; init; }

    /// <summary>The program could not be started at all (not installed, not executable).</summary>
    public string? StartError { get; init; }
}
