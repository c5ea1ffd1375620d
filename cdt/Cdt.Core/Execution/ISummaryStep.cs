namespace Cdt.Execution;

/// <summary>Marks the step whose message summarizes a successful target (the install).</summary>
public interface ISummaryStep : ITargetStep
{
}
