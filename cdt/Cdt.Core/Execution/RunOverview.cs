namespace Cdt.Execution;

/// <summary>
/// What progress displays need beyond the state: the deadline and an estimated end of the run
/// (remaining batches estimated like the predict policy does, the running one minus its elapsed time).
/// </summary>
public sealed class RunOverview
{
    private readonly RunPlan _plan;
    private readonly DurationEstimator _estimator;
    private readonly int _maxParallel;

    public RunOverview(RunPlan plan, DurationEstimator estimator, int maxParallel, DateTimeOffset? deadline)
    {
        _plan = plan;
        _estimator = estimator;
        _maxParallel = maxParallel;
        Deadline = deadline;
    }

    public DateTimeOffset? Deadline { get; }

    public DateTimeOffset EstimatedEnd(RunState state, DateTimeOffset now)
    {
        var remaining = TimeSpan.Zero;
        foreach (var batch in _plan.Batches)
        {
            var b = state.Batches[batch.Number];
            if (b.Finished || b.NotStartedReason is not null)
            {
                continue;
            }

            var units = batch.Units.Where(u => u.Targets.Any(t => state.Targets[t.Name].Status is TargetStatus.Pending or TargetStatus.Running)).ToList();
            if (units.Count == 0)
            {
                continue;
            }

            var estimate = _estimator.Batch(units, _maxParallel);
            if (b.StartedAt is { } started)
            {
                estimate -= now - started;
            }

            remaining += estimate > TimeSpan.Zero ? estimate : TimeSpan.Zero;
        }

        return now + remaining;
    }
}
