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

    /// <summary>A health check's finding about a target (message: what was found); report.html lists them.</summary>
    public const string HealthFinding = "health_finding";
}
