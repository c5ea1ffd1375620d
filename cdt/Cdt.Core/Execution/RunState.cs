using System.Globalization;

namespace Cdt.Execution;

/// <summary>
/// A run folded from its events: what the status files, the results, the summary and resume all
/// read. Built live by the engine and, for resume, from the journal on disk: the same code.
/// </summary>
public sealed class RunState
{
    private readonly object _gate = new();

    public RunState(RunPlan plan)
    {
        foreach (var b in plan.Batches)
        {
            Batches[b.Number] = new BatchState { Number = b.Number };
            foreach (var u in b.Units)
            {
                Units[u.Name] = new UnitState { Name = u.Name, Batch = b.Number };
                foreach (var t in u.Targets)
                {
                    Targets[t.Name] = new TargetState { Name = t.Name, Unit = u.Name, Batch = b.Number };
                }
            }
        }
    }

    public SortedDictionary<int, BatchState> Batches { get; } = [];

    public Dictionary<string, UnitState> Units { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, TargetState> Targets { get; } = new(StringComparer.Ordinal);

    /// <summary>Deadline and estimated end, for progress displays (set by the service that runs the plan).</summary>
    public RunOverview? Overview { get; set; }

    public DateTimeOffset? Started { get; private set; }

    public DateTimeOffset? Finished { get; private set; }

    public string? StopReason { get; private set; }

    /// <summary>The batch after which the run waits for an approval, while it does (a resume clears it; the engine waits again if the gate still holds).</summary>
    public int? WaitingAfter { get; private set; }

    /// <summary>The approvals given so far, in order: each opens the gate after its batch.</summary>
    public List<ApprovalRecord> Approvals { get; } = [];

    /// <summary>Targets failed so far in the whole run, kept as events arrive (checked before every unit starts).</summary>
    public int Failures { get; private set; }

    /// <summary>Failed targets per batch number.</summary>
    public Dictionary<int, int> FailuresByBatch { get; } = [];

    public void Apply(RunEvent e)
    {
        lock (_gate)
        {
            var at = DateTimeOffset.Parse(e.At, CultureInfo.InvariantCulture);
            switch (e.Event)
            {
                case RunEvents.RunStarted:
                    Started ??= at;
                    break;
                case RunEvents.RunResumed:
                    Finished = null;
                    StopReason = null;
                    WaitingAfter = null;
                    break;
                case RunEvents.ApprovalWait when e.Batch is { } after:
                    WaitingAfter = after;
                    break;
                case RunEvents.Approved when e.Batch is { } after:
                    WaitingAfter = null;
                    Approvals.Add(new ApprovalRecord(after, e.User ?? string.Empty, at, e.Note));
                    break;
                case RunEvents.RunFinished:
                    Finished = at;
                    StopReason = e.Status == "completed" ? null : e.Message;
                    break;
                case RunEvents.BatchStarted when Batch(e) is { } b:
                    b.Started = true;
                    b.StartedAt = at;
                    b.NotStartedReason = null;
                    break;
                case RunEvents.BatchFinished when Batch(e) is { } b:
                    b.Finished = true;
                    break;
                case RunEvents.BatchNotStarted when Batch(e) is { } b:
                    b.NotStartedReason = e.Message;
                    foreach (var t in Targets.Values.Where(t => t.Batch == b.Number && t.Status is TargetStatus.Pending or TargetStatus.NotStarted))
                    {
                        t.Status = TargetStatus.NotStarted;
                        t.Message = "not started: " + e.Message;
                    }

                    break;
                case RunEvents.UnitStarted or RunEvents.UnitPhase when Unit(e) is { } u:
                    u.Started = true;
                    u.Finished = false;
                    u.Phase = e.Message ?? u.Phase;
                    if (e.Step is { } phase)
                    {
                        u.Phases.Add(phase);
                    }

                    if (e.Step == Policy.PolicyAfterPackage.PackageDone)
                    {
                        u.PackageOutcome = e.Message;
                    }

                    break;
                case RunEvents.PolicyStarted when Unit(e) is { } u:
                    u.PolicyStatus = Policy.PolicyStatuses.Running;
                    u.Phase = e.Message ?? u.Phase;
                    break;
                case RunEvents.PolicyTask when Unit(e) is { } u:
                    u.PolicyTask = e.Task;
                    u.PolicyPackage = e.PolicyPackage;
                    break;
                case RunEvents.PolicyFinished when Unit(e) is { } u:
                    u.PolicyStatus = e.Status;
                    u.PolicyMessage = e.Message;
                    u.PolicyTask = null;
                    break;
                case RunEvents.UnitFinished when Unit(e) is { } u:
                    u.Finished = true;
                    u.Outcome = e.Message;
                    u.Phase = e.Status ?? "finished";
                    break;
                case RunEvents.TargetStarted when Target(e) is { } t:
                    if (t.Status == TargetStatus.Failed)
                    {
                        // --retry-failed: the earlier failure no longer counts once the target runs again.
                        Count(t, -1);
                    }

                    t.Status = TargetStatus.Running;
                    t.Started ??= at;
                    t.Finished = null;
                    t.Message = string.Empty;
                    break;
                case RunEvents.StepStarted when Target(e) is { } t:
                    t.Step = e.Step;
                    t.OpenStep = e.Step;
                    break;
                case RunEvents.StepFinished when Target(e) is { } t:
                    if (e.Status is "ok" or "skipped" && e.Step is not null)
                    {
                        t.CompletedSteps.Add(e.Step);
                    }

                    t.Message = e.Message ?? t.Message;
                    t.OpenStep = null;
                    break;
                case RunEvents.TargetFinished when Target(e) is { } t:
                    if (t.Status == TargetStatus.Failed)
                    {
                        Count(t, -1);
                    }

                    t.Status = e.Status switch
                    {
                        "succeeded" => TargetStatus.Succeeded,
                        "failed" => TargetStatus.Failed,
                        _ => TargetStatus.NotStarted,
                    };
                    t.Finished = at;
                    t.Step = null;
                    t.OpenStep = null;
                    t.Message = e.Message ?? string.Empty;
                    if (t.Status == TargetStatus.Failed)
                    {
                        Count(t, +1);
                    }

                    break;
            }
        }
    }

    /// <summary>A consistent copy for readers on other threads (status files, progress).</summary>
    public T Read<T>(Func<RunState, T> reader)
    {
        lock (_gate)
        {
            return reader(this);
        }
    }

    private void Count(TargetState t, int delta)
    {
        Failures += delta;
        FailuresByBatch[t.Batch] = FailuresByBatch.GetValueOrDefault(t.Batch) + delta;
    }

    private BatchState? Batch(RunEvent e) => e.Batch is { } n ? Batches.GetValueOrDefault(n) : null;

    private UnitState? Unit(RunEvent e) => e.Unit is { } n ? Units.GetValueOrDefault(n) : null;

    private TargetState? Target(RunEvent e) => e.Target is { } n ? Targets.GetValueOrDefault(n) : null;
}
