namespace Cdt.Execution;

/// <summary>Why a run did not start every batch.</summary>
public enum RunStop
{
    Completed,
    Deadline,
    Threshold,
    Cancelled,

    /// <summary>cdt itself failed (the journal could not be written, a unit broke): nothing new started, units in flight finished.</summary>
    Failure,
}
