using Cdt.Config;
using Cdt.Execution.Health;

namespace Cdt.Execution.Steps;

/// <summary>
/// <c>health_after</c>: after the confirm, the target must be back to its baseline's health within
/// <c>health.settle</c>. With <c>on_regression: fail</c> a regression fails the target (and so stops
/// a cluster's choreography before the failover); with <c>warn</c> it is a warning.
/// </summary>
public sealed class HealthCompareStep : ITargetStep
{
    public const string Label = "after";

    private readonly HealthSettings _settings;

    public HealthCompareStep(HealthSettings settings)
    {
        _settings = settings;
    }

    public string Name => "health_after";

    public bool Critical => _settings.OnRegression == RegressionPolicy.Fail;

    public bool RunOnce => false;

    public async Task<StepResult> RunAsync(TargetContext c, CancellationToken ct)
    {
        var findings = await HealthCheck.SettleAsync(c.Run, c.Remote, c.Target.Name, Label, _settings.Settle, ct);
        if (findings is null)
        {
            return StepResult.Skipped("no health baseline to compare with");
        }

        if (findings.Count == 0)
        {
            return StepResult.Ok("as healthy as before");
        }

        HealthCheck.Record(c.Run, c.Unit, c.Target, Label, findings);
        return StepResult.Failed(HealthCheck.Describe(findings));
    }
}
