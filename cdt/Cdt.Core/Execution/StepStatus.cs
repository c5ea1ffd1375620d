namespace Cdt.Execution;

public enum StepStatus
{
    Ok,
    Skipped,
    Failed,
}
