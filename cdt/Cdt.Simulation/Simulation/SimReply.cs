using Cdt.Transport;

namespace Cdt.Simulation;

/// <summary>What a simulated gateway answers to one command line, and how long that takes (simulated time).</summary>
public sealed record SimReply
{
    public int Exit { get; init; }

    public string Stdout { get; init; } = string.Empty;

    public string Stderr { get; init; } = string.Empty;

    public TimeSpan Duration { get; init; }

    public TransportError Error { get; init; } = TransportError.None;

    public static SimReply Ok(string stdout = "", TimeSpan duration = default) => new() { Exit = 0, Stdout = stdout, Duration = duration };

    public static SimReply Fail(int exit, string stderr, string stdout = "") => new() { Exit = exit, Stderr = stderr, Stdout = stdout };

    public static SimReply Transport(TransportError error, string message, TimeSpan duration = default) =>
        new() { Exit = 255, Stderr = message, Error = error, Duration = duration };

    public bool Answered() => Error == TransportError.None;

    public CommandResult ToResult(TimeSpan duration) => new()
    {
        ExitCode = Exit,
        Stdout = Stdout,
        Stderr = Stderr,
        Duration = duration,
        Error = Error,
    };
}
