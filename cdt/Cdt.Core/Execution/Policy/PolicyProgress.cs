namespace Cdt.Execution.Policy;

/// <summary>One look at a policy installation task.</summary>
public sealed record PolicyProgress(PolicyTaskStatus Status, string Message)
{
    public static PolicyProgress Running(string message) => new(PolicyTaskStatus.InProgress, message);

    public static PolicyProgress Succeeded(string message) => new(PolicyTaskStatus.Succeeded, message);

    public static PolicyProgress Failed(string message) => new(PolicyTaskStatus.Failed, message);

    /// <summary>The server could not be asked (no answer, an unreadable reply): asked again until the time-out.</summary>
    public static PolicyProgress Unknown(string message) => new(PolicyTaskStatus.Unknown, message);
}
