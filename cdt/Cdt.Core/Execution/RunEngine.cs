using System.Globalization;
using Cdt.Config;
using Cdt.Execution.Choreography;
using Cdt.Execution.Health;
using Cdt.Execution.Policy;
using Cdt.Diagnostics;
using Cdt.Formats;
using Cdt.Yaml;

namespace Cdt.Execution;

/// <summary>
/// Runs batches in ascending order; the units of a batch in parallel under <c>max_parallel</c>
/// slots; the next batch only after every unit of the current one has finished. Checks before
/// each batch the deadline, the failure policy and the operator's stop, and before each unit the
/// thresholds: work in flight always finishes, nothing new starts once a limit is reached.
/// </summary>
public sealed class RunEngine
{
    private readonly RunContext _run;
    private readonly RunPlan _plan;
    private readonly ChoreographyRegistry _choreographies;
    private readonly DurationEstimator _estimator;

    public RunEngine(RunContext run, RunPlan plan, ChoreographyRegistry choreographies, DurationEstimator estimator)
    {
        _run = run;
        _plan = plan;
        _choreographies = choreographies;
        _estimator = estimator;
    }

    public async Task<RunResult> RunAsync(RunControl control)
    {
        var ct = control.Hard;
        var settings = _run.Settings;
        var recorder = _run.Recorder;
        var stop = RunStop.Completed;
        string? stopMessage = null;
        var leftOut = false;
        foreach (var batch in _plan.Batches)
        {
            var state = _run.State.Batches[batch.Number];
            var work = batch.Units.Where(_run.NeedsWork).ToList();
            if (work.Count == 0)
            {
                continue;
            }

            if (stop == RunStop.Completed)
            {
                (stop, stopMessage) = ReasonNotToStart(batch, state, control);
            }

            if (stop == RunStop.AwaitingApproval)
            {
                // A gate is not a stop of the later batches: they wait, and no batch_not_started says otherwise.
                recorder.Emit(new RunEvent { At = recorder.Now(), Event = RunEvents.ApprovalWait, Batch = ApprovalGates.Holding(settings.ApproveAfter, _plan, batch.Number, _run.State), Message = stopMessage });
                leftOut = true;
                break;
            }

            if (stop != RunStop.Completed)
            {
                recorder.Emit(new RunEvent { At = recorder.Now(), Event = RunEvents.BatchNotStarted, Batch = batch.Number, Message = stopMessage });
                leftOut = true;
                continue;
            }

            if (!state.Started)
            {
                recorder.Emit(new RunEvent { At = recorder.Now(), Event = RunEvents.BatchStarted, Batch = batch.Number, Message = Plural(batch.TargetCount, "target") + " in " + Plural(batch.Units.Count, "unit") });
            }

            if (await RunBatchAsync(batch, work, control, ct) is { } unitStop)
            {
                (stop, stopMessage) = unitStop;
                leftOut = true;
            }

            recorder.Emit(new RunEvent { At = recorder.Now(), Event = RunEvents.BatchFinished, Batch = batch.Number });
            if (stop == RunStop.Completed)
            {
                await BatchSoak.RunAsync(_run, _plan, batch, () => control.StopRequested, ct);
            }

            var failed = _run.State.Read(s => s.FailuresByBatch.GetValueOrDefault(batch.Number));
            if (failed > 0 && !settings.ContinueAfterFailedBatch && stop == RunStop.Completed)
            {
                stop = RunStop.Threshold;
                stopMessage = $"batch {batch.Number.ToString(CultureInfo.InvariantCulture)} had {Plural(failed, "failed target")} (continue_after_failed_batch: false)";
            }
        }

        if (!leftOut)
        {
            // The failure policy only stops batches that come after; with none left, the run completed.
            (stop, stopMessage) = (RunStop.Completed, null);
        }

        if (recorder.Fault is { } fault)
        {
            // Even with nothing left out, a run whose journal or a unit broke did not end as planned.
            (stop, stopMessage) = (RunStop.Failure, fault);
        }

        var result = RunResult.From(stop, stopMessage, _run.State);
        recorder.Emit(new RunEvent
        {
            At = recorder.Now(),
            Event = RunEvents.RunFinished,
            Status = stop switch { RunStop.Completed => "completed", RunStop.AwaitingApproval => "waiting", _ => "stopped" },
            Message = stopMessage ?? string.Create(CultureInfo.InvariantCulture, $"{result.Succeeded} succeeded, {result.Failed} failed, {result.NotStarted} not started"),
        });
        return result;
    }

    private (RunStop, string?) ReasonNotToStart(RunBatch batch, BatchState state, RunControl control)
    {
        var settings = _run.Settings;
        if (_run.Recorder.Fault is { } fault)
        {
            return (RunStop.Failure, fault);
        }

        if (control.StopRequested)
        {
            return (RunStop.Cancelled, "cancelled by the operator");
        }

        if (RunThresholdReached() is { } threshold)
        {
            return (RunStop.Threshold, threshold);
        }

        if (state.Started)
        {
            // A batch that started before a crash finishes, even past the deadline (its gate was passed when it started).
            return (RunStop.Completed, null);
        }

        var now = _run.Time.GetUtcNow();
        var estimate = _estimator.BatchWithSoak(batch.Units, settings.MaxParallel, BatchSoak.After(_run, _plan, batch) ?? TimeSpan.Zero);
        var end = now + estimate;
        var verdict = DeadlineRule.Check(settings.Deadline, settings.DeadlinePolicy, now, end);
        if (verdict == DeadlineVerdict.Passed)
        {
            // Past the deadline nothing would start even when approved: the run stops by the deadline, it does not wait.
            return (RunStop.Deadline, DeadlineRule.Reached(settings.Deadline!.Value, _run.Time));
        }

        if (ApprovalGates.Holding(settings.ApproveAfter, _plan, batch.Number, _run.State) is { } gate)
        {
            return (RunStop.AwaitingApproval, ApprovalGates.Waiting(gate));
        }

        if (settings.Deadline is not { } deadline)
        {
            return (RunStop.Completed, null);
        }

        if (settings.DeadlinePolicy == DeadlinePolicy.Predict)
        {
            var fits = verdict == DeadlineVerdict.Starts;
            _run.Recorder.Note($"batch {batch.Number.ToString(CultureInfo.InvariantCulture)} estimated at {DurationText.Format(Round(estimate))}, ending {IsoTime.Format(end)}: {(fits ? "starting" : "not starting, it would end after the deadline")}", batch.Number);
        }

        if (verdict == DeadlineVerdict.WouldEndAfter)
        {
            return (RunStop.Deadline, $"deadline: predicted to end at {IsoTime.Format(end)}, after the deadline {IsoTime.Format(deadline)}");
        }

        return (RunStop.Completed, null);
    }

    /// <summary>Runs the batch's units; returns why some unit was not started, if one was.</summary>
    private async Task<(RunStop, string)?> RunBatchAsync(RunBatch batch, List<RunUnit> work, RunControl control, CancellationToken ct)
    {
        var gate = new SlotGate(_run.Settings.MaxParallel);
        var running = new List<Task>();
        (RunStop, string)? firstStop = null;
        foreach (var unit in work)
        {
            var slots = Math.Min(unit.Slots, gate.Capacity);
            await gate.AcquireAsync(slots, ct);
            var unitRun = new UnitRun(_run, unit);
            if (ReasonNotToStartUnit(batch, unit, control) is { } reason)
            {
                gate.Release(slots);
                unitRun.NotStarted(reason.Stop == RunStop.Deadline ? "not started: " + reason.Message : reason.Message);
                firstStop ??= reason;
                continue;
            }

            running.Add(RunUnitAsync(unitRun, gate, slots, ct));
        }

        await Task.WhenAll(running);
        return firstStop;
    }

    private async Task RunUnitAsync(UnitRun unit, SlotGate gate, int slots, CancellationToken ct)
    {
        try
        {
            _run.Recorder.Emit(new RunEvent { At = _run.Recorder.Now(), Event = RunEvents.UnitStarted, Batch = unit.Unit.Batch, Unit = unit.Unit.Name, Message = "started" });
            if (!unit.AwaitsPolicy)
            {
                await _choreographies.For(unit.Unit.Kind).RunAsync(unit, ct);
            }

            if (unit.AwaitsPolicy && _run.Policy is { } policy)
            {
                // The policy belongs to its unit: it is installed whatever the deadline, once the unit started.
                await PolicyAfterPackage.RunAsync(unit, policy, ct);
            }
        }
        catch (Exception x) when (x is not OperationCanceledException)
        {
            // A bug inside one unit stops new work as a failed target would; the other units in
            // flight are not touched, so each finishes its choreography and leaves its cluster serving.
            _run.Recorder.Faulted($"unit {unit.Unit.Name} failed inside cdt ({x.GetType().Name}: {x.Message})");
            if (!unit.Finished)
            {
                unit.Finish(false, "internal error: " + x.Message, TargetRunner.Failed);
            }
            else if (unit.AwaitsPolicy)
            {
                PolicyAfterPackage.Fail(unit, "internal error: " + x.Message);
            }
        }
        finally
        {
            gate.Release(slots);
        }
    }

    private (RunStop Stop, string Message)? ReasonNotToStartUnit(RunBatch batch, RunUnit unit, RunControl control)
    {
        if (_run.Recorder.Fault is { } fault)
        {
            return (RunStop.Failure, fault);
        }

        if (control.StopRequested)
        {
            return (RunStop.Cancelled, "cancelled by the operator");
        }

        if (RunThresholdReached() is { } run)
        {
            return (RunStop.Threshold, run);
        }

        if (DeadlineRule.PassedForUnitOfResume(_run, unit) is { } deadline)
        {
            return (RunStop.Deadline, deadline);
        }

        if (_run.Settings.BatchStopAfterFailures is { } budget)
        {
            var failed = _run.State.Read(s => s.FailuresByBatch.GetValueOrDefault(batch.Number));
            if (failed >= budget.Limit(batch.TargetCount))
            {
                return (RunStop.Threshold, $"batch_stop_after_failures: {Plural(failed, "target")} of batch {batch.Number.ToString(CultureInfo.InvariantCulture)} failed{Share(budget, batch.TargetCount)}");
            }
        }

        return null;
    }

    private string? RunThresholdReached()
    {
        if (_run.Settings.StopAfterFailures is not { } budget)
        {
            return null;
        }

        var targets = _plan.Targets.Count();
        var failed = _run.State.Read(s => s.Failures);
        return failed >= budget.Limit(targets) ? $"stop_after_failures: {Plural(failed, "target")} failed{Share(budget, targets)}" : null;
    }

    /// <summary>A share names what it was worked out from; a plain number needs no explanation.</summary>
    private static string Share(FailureBudget budget, int targets) => budget.Percent is null ? string.Empty : " (" + budget.Describe(targets) + ")";

    private static string Plural(int n, string what) => n.ToString(CultureInfo.InvariantCulture) + " " + what + (n == 1 ? string.Empty : "s");

    private static TimeSpan Round(TimeSpan t) => TimeSpan.FromMinutes(Math.Ceiling(t.TotalMinutes));
}
