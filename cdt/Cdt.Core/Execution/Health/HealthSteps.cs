using Cdt.Config;
using Cdt.Execution.Steps;

namespace Cdt.Execution.Health;

/// <summary>
/// Puts the health steps around a target's steps: the baseline right after the first reachability
/// check (before anything changes), the comparison at the very end (after the confirm and any post-script).
/// </summary>
public static class HealthSteps
{
    public static IReadOnlyList<ITargetStep> Around(IReadOnlyList<ITargetStep> steps, HealthSettings settings)
    {
        if (!settings.Enabled)
        {
            return steps;
        }

        var result = steps.ToList();
        result.Insert(result.Count > 0 && result[0] is CheckStep ? 1 : 0, new HealthBaselineStep());
        result.Add(new HealthCompareStep(settings));
        return result;
    }
}
