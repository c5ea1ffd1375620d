using Cdt.Execution;

namespace Cdt.Plans.Steps;

/// <summary>A plan action whose message sums up a successful target: installs, upgrades and uninstalls.</summary>
public sealed class PlanSummaryStep : PlanActionStep, ISummaryStep
{
    public PlanSummaryStep(int number, PlanAction action, Func<TargetContext, CancellationToken, Task<StepResult>> work)
        : base(number, action, work)
    {
    }
}
