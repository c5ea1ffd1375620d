using Cdt.Execution.Health;

namespace Cdt.Execution.Steps;

/// <summary>
/// <c>health_before</c>: the target's baseline snapshot, before anything changes on it. Taken once
/// per run (a resumed or retried target keeps the baseline of its first attempt). Not critical: a
/// target whose health cannot be read still installs, and the comparison after says it had no baseline.
/// </summary>
public sealed class HealthBaselineStep : ITargetStep
{
    public string Name => "health_before";

    public bool Critical => false;

    public bool RunOnce => true;

    public async Task<StepResult> RunAsync(TargetContext c, CancellationToken ct)
    {
        var (snapshot, error) = await HealthCheck.TakeAsync(c.Run, c.Remote, c.Target.Name, HealthStore.Before, ct);
        return snapshot is null ? StepResult.Failed("no health baseline: " + error) : StepResult.Ok(HealthText.Summary(snapshot));
    }
}
