namespace Cdt.Execution;

/// <summary>How a run ended: counted from its state, with the stop reason if batches were left.</summary>
public sealed record RunResult(RunStop Stop, string? StopMessage, int Succeeded, int Failed, int NotStarted)
{
    public static RunResult From(RunStop stop, string? message, RunState state) => state.Read(s => new RunResult(
        stop,
        message,
        s.Targets.Values.Count(t => t.Status == TargetStatus.Succeeded),
        s.Targets.Values.Count(t => t.Status == TargetStatus.Failed),
        s.Targets.Values.Count(t => t.Status is TargetStatus.NotStarted or TargetStatus.Pending or TargetStatus.Running)));
}
