namespace Cdt.Execution.Policy;

public enum PolicyTaskStatus
{
    InProgress,
    Succeeded,
    Failed,

    /// <summary>No answer this time; the task may still run.</summary>
    Unknown,
}
