namespace Cdt.Execution.Policy;

/// <summary>The <c>status</c> of a <c>policy_finished</c> event, and of a unit's policy in the run state.</summary>
public static class PolicyStatuses
{
    public const string Running = "running";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";
}
