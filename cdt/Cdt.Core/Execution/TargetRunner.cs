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
        run.Recorder.TargetStarted(unit, target);
        var context = new TargetContext(run, unit, target);
        var outcome = await RunStepsAsync(context, run.Steps, ct);
        return Finish(context, outcome);
    }

    /// <summary>
    /// Runs some steps on a started target and leaves it open, so a choreography can act between
    /// them (a Security Group installs a whole logical group at once between a member's
    /// preparation and its confirmation).
    /// </summary>
    public static async Task<StepsOutcome> RunStepsAsync(TargetContext context, IEnumerable<ITargetStep> steps, CancellationToken ct)
    {
        var run = context.Run;
        var (unit, target) = (context.Unit, context.Target);
        var recorder = run.Recorder;
        var state = run.State.Targets[target.Name];
        var warnings = new List<string>();
        var summary = "done";
        var openStep = run.State.Read(s => s.Targets[target.Name].OpenStep);
        if (await InterruptedReboot.WaitAsync(context, openStep, ct) is { } notBack)
        {
            return new StepsOutcome(false, notBack, warnings);
        }

        if (await context.ResolveShellAsync(ct) is { } shellError)
        {
            return new StepsOutcome(false, shellError, warnings);
        }

        foreach (var step in steps)
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
                    return new StepsOutcome(false, $"{step.Name}: {result.Message}", warnings);
                }

                warnings.Add($"{step.Name} (not critical): {result.Message}");
            }
            else if (step is ISummaryStep)
            {
                summary = result.Message;
            }
        }

        return new StepsOutcome(true, !context.AlreadyInstalled ? summary : InterruptedReboot.MayHaveRebooted(run, openStep) ? "installed by the interrupted attempt (found installed on resume)" : "already installed", warnings);
    }

    /// <summary>Ends a target with what its steps gave; returns whether it succeeded.</summary>
    public static bool Finish(TargetContext context, StepsOutcome outcome)
    {
        context.Run.Recorder.TargetFinished(context.Unit, context.Target, outcome.Ok ? Succeeded : Failed, outcome.Text);
        return outcome.Ok;
    }
}
