using Cdt.Execution;

namespace Cdt.Plans.Steps;

/// <summary>
/// A plan's install or upgrade: its message sums up a successful target, and on a Security Group the
/// engine runs it for a whole logical group (the steps before it prepare each member, those after confirm).
/// </summary>
public sealed class PlanSummaryStep : PlanActionStep, ISummaryStep
{
    public PlanSummaryStep(int number, PlanAction action, Func<TargetContext, CancellationToken, Task<StepResult>> work)
        : base(number, action, work)
    {
    }
}
