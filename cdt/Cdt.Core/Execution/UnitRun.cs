namespace Cdt.Execution;

/// <summary>
/// One unit running inside its batch: what a choreography uses to install members, journal its
/// phases (resume continues from them) and end with every member's outcome accounted for.
/// </summary>
public sealed class UnitRun
{
    public UnitRun(RunContext run, RunUnit unit)
    {
        Run = run;
        Unit = unit;
        AwaitsPolicy = run.Policy is not null && run.State.Read(s => s.Units[unit.Name] is { Started: true, Finished: false } u && u.Phases.Contains(Policy.PolicyAfterPackage.PackageDone)
            && unit.Targets.All(t => s.Targets[t.Name].Status == TargetStatus.Succeeded));
    }

    public RunContext Run { get; }

    public RunUnit Unit { get; }

    public bool Finished { get; private set; }

    /// <summary>
    /// The package part ended well and the policy installation comes next: the choreography is
    /// done, the unit is not (it ends with <see cref="FinishAfterPolicy"/>). A resume that finds the
    /// phase journaled goes straight to the policy.
    /// </summary>
    public bool AwaitsPolicy { get; private set; }

    public UnitState State => Run.State.Units[Unit.Name];

    public bool NeedsWork(RunTarget t) => Run.NeedsWork(t);

    public Task<bool> InstallAsync(RunTarget target, CancellationToken ct) => TargetRunner.RunAsync(Run, Unit, target, ct);

    public void Phase(string key, string text) => Run.Recorder.UnitPhase(Unit, key, text);

    public bool Reached(string key) => State.Phases.Contains(key);

    public string? LastPhaseStartingWith(string prefix) => State.Phases.LastOrDefault(p => p.StartsWith(prefix, StringComparison.Ordinal));

    /// <summary>
    /// Whether the run's change is in place on a member: every step succeeded on it in this run, or
    /// the package shows installed (removed with <c>--uninstall</c>). A member's success comes first
    /// because a plan may name its package differently from what CPUSE lists (a file name where
    /// CPUSE shows the display name) or also uninstall another package on the way.
    /// </summary>
    public async Task<bool> IsDoneAsync(RunTarget t, CancellationToken ct)
    {
        var succeeded = Run.State.Read(s => s.Targets.TryGetValue(t.Name, out var ts) && ts.Status == TargetStatus.Succeeded);
        if (succeeded || Run.Package is not { } package)
        {
            return succeeded;
        }

        var presence = await Steps.PackagePresence.CheckAsync(Run.Driver, t.Target, package, ct);
        return presence.Error is null && presence.InPlace != Run.Uninstall;
    }

    /// <summary>The unit does not start (a stop condition): its targets are recorded as not started, with the reason.</summary>
    public void NotStarted(string reason)
    {
        foreach (var t in Unit.Targets.Where(NeedsWork))
        {
            Run.Recorder.TargetFinished(Unit, t, TargetRunner.NotStarted, reason);
        }

        Run.Recorder.Emit(new RunEvent { At = Run.Recorder.Now(), Event = RunEvents.UnitFinished, Batch = Unit.Batch, Unit = Unit.Name, Status = "not started", Message = reason });
        Finished = true;
    }

    /// <summary>
    /// Ends the unit: every target not finished yet is recorded as failed or not started, with the
    /// reason. A success is not the end when the run installs a policy: the policy comes next.
    /// </summary>
    public void Finish(bool succeeded, string message, string? pendingTargetsStatus = null)
    {
        foreach (var t in Unit.Targets)
        {
            var s = Run.State.Targets[t.Name];
            if (s.Status is TargetStatus.Pending or TargetStatus.Running)
            {
                Run.Recorder.TargetFinished(Unit, t, pendingTargetsStatus ?? TargetRunner.NotStarted, message);
            }
        }

        if (succeeded && Run.Policy is not null)
        {
            Phase(Policy.PolicyAfterPackage.PackageDone, message);
            AwaitsPolicy = true;
            Finished = true;
            return;
        }

        FinishAfterPolicy(succeeded, message);
    }

    /// <summary>Journals the end of the unit (after its policy, when the run installs one).</summary>
    public void FinishAfterPolicy(bool succeeded, string message)
    {
        AwaitsPolicy = false;

        Run.Recorder.Emit(new RunEvent
        {
            At = Run.Recorder.Now(),
            Event = RunEvents.UnitFinished,
            Batch = Unit.Batch,
            Unit = Unit.Name,
            Status = succeeded ? "succeeded" : "failed",
            Message = message,
        });
        Finished = true;
    }
}
