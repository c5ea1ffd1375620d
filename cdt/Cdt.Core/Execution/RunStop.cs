namespace Cdt.Execution;

/// <summary>Why a run did not start every batch.</summary>
public enum RunStop
{
    Completed,
    Deadline,
    Threshold,
    Cancelled,
}
