namespace Cdt.Execution;

/// <summary>How one step ended, in one line a person can act on.</summary>
public sealed record StepResult(StepStatus Status, string Message)
{
    public static StepResult Ok(string message) => new(StepStatus.Ok, message);

    public static StepResult Skipped(string message) => new(StepStatus.Skipped, message);

    public static StepResult Failed(string message) => new(StepStatus.Failed, message);

    public string StatusText => Status switch
    {
        StepStatus.Ok => "ok",
        StepStatus.Skipped => "skipped",
        _ => "failed",
    };
}
