using Cdt.Gaia;

namespace Cdt.Execution;

/// <summary>
/// Runs the steps on one target, in order, each journaled with its result and duration. A
/// failed critical step stops the target; any outcome is a value, never an exception.
/// </summary>
public static class TargetRunner
{
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";
    public const string NotStarted = "not started";

    public static async Task<bool> RunAsync(RunContext run, RunUnit unit, RunTarget target, CancellationToken ct)
    {
        var recorder = run.Recorder;
        var state = run.State.Targets[target.Name];
        recorder.TargetStarted(unit, target);
        var context = new TargetContext(run, unit, target);
        var warnings = new List<string>();
        var summary = "done";
        foreach (var step in run.Steps)
        {
            if (step.RunOnce && state.CompletedSteps.Contains(step.Name))
            {
                recorder.StepFinished(unit, target, step.Name, "skipped", "done in an earlier attempt of this run", TimeSpan.Zero);
                continue;
            }

            recorder.StepStarted(unit, target, step.Name);
            var started = run.Time.GetUtcNow();
            StepResult result;
            try
            {
                result = await step.RunAsync(context, ct);
            }
            catch (UnsafeValueException e)
            {
                result = StepResult.Failed(e.Message);
            }

            recorder.StepFinished(unit, target, step.Name, result.StatusText, result.Message, run.Time.GetUtcNow() - started);
            if (result.Status == StepStatus.Failed)
            {
                if (step.Critical)
                {
                    recorder.TargetFinished(unit, target, Failed, $"{step.Name}: {result.Message}");
                    return false;
                }

                warnings.Add($"{step.Name} (not critical): {result.Message}");
            }
            else if (step is ISummaryStep)
            {
                summary = result.Message;
            }
        }

        var message = context.AlreadyInstalled ? "already installed" : summary;
        recorder.TargetFinished(unit, target, Succeeded, warnings.Count == 0 ? message : message + "; warnings: " + string.Join("; ", warnings));
        return true;
    }

}
