namespace Cdt.Execution.Policy;

/// <summary>What starting an installation gave: a task to follow, or the server's refusal.</summary>
public sealed record PolicyStart
{
    public string? TaskId { get; private init; }

    /// <summary>The policy package being installed, for messages.</summary>
    public string? Package { get; private init; }

    /// <summary>Why nothing was started (one line naming the server and the call).</summary>
    public string? Refusal { get; private init; }

    public static PolicyStart Started(string taskId, string package) => new() { TaskId = taskId, Package = package };

    public static PolicyStart Refused(string why) => new() { Refusal = why };
}
