namespace Cdt.Execution;

/// <summary>Where one target stands in a run.</summary>
public enum TargetStatus
{
    Pending,
    Running,
    Succeeded,
    Failed,
    NotStarted,
}
