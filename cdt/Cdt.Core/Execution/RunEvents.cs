namespace Cdt.Execution;

/// <summary>The names of run events, written in the journal.</summary>
public static class RunEvents
{
    public const string RunStarted = "run_started";
    public const string RunResumed = "run_resumed";
    public const string RunFinished = "run_finished";
    public const string BatchStarted = "batch_started";
    public const string BatchFinished = "batch_finished";
    public const string BatchNotStarted = "batch_not_started";
    public const string UnitStarted = "unit_started";
    public const string UnitPhase = "unit_phase";
    public const string UnitFinished = "unit_finished";
    public const string TargetStarted = "target_started";
    public const string StepStarted = "step_started";
    public const string StepFinished = "step_finished";
    public const string TargetFinished = "target_finished";
    public const string Note = "note";

    /// <summary>The run stopped at an approval gate (batch: the batch it waits after); nothing more starts until an approval.</summary>
    public const string ApprovalWait = "approval_wait";

    /// <summary>An operator approved the gate after <c>batch</c> (user, note); the run goes on from there.</summary>
    public const string Approved = "approved";

    /// <summary>A unit's policy installation starts (or, after a restart, its task is followed again).</summary>
    public const string PolicyStarted = "policy_started";

    /// <summary>The management server accepted the installation: task (its id), policy_package; resume follows this task.</summary>
    public const string PolicyTask = "policy_task";

    /// <summary>A unit's policy installation ended (status succeeded or failed, message).</summary>
    public const string PolicyFinished = "policy_finished";

    /// <summary>A health check's finding about a target (message: what was found); report.html lists them.</summary>
    public const string HealthFinding = "health_finding";
}
