using System.Globalization;

namespace Cdt.Execution.Health;

/// <summary><c>execute.soak</c>: the wait after a batch, its targets' health re-checked, before the next batch starts.</summary>
public static class BatchSoak
{
    /// <summary>The soak after <paramref name="batch"/>: only when a later batch still has work, since the soak holds that batch back.</summary>
    public static TimeSpan? After(RunContext run, RunPlan plan, RunBatch batch) =>
        run.Settings.Soak > TimeSpan.Zero && plan.Batches.SkipWhile(b => b != batch).Skip(1).Any(b => b.Units.Any(run.NeedsWork))
            ? run.Settings.Soak
            : null;

    /// <summary>Soaks after a finished batch; not before a batch that will not start anyway (a failure and continue_after_failed_batch: false).</summary>
    public static async Task RunAsync(RunContext run, RunPlan plan, RunBatch batch, Func<bool> stopRequested, CancellationToken ct)
    {
        var failedBatchStops = !run.Settings.ContinueAfterFailedBatch && run.State.Read(s => s.FailuresByBatch.GetValueOrDefault(batch.Number)) > 0;
        if (After(run, plan, batch) is not { } soak || failedBatchStops)
        {
            return;
        }

        // The batch's targets that succeeded in this run: the ones whose health can have regressed since.
        var succeeded = batch.Units
            .SelectMany(u => u.Targets.Where(t => run.State.Read(s => s.Targets[t.Name].Status) == TargetStatus.Succeeded).Select(t => (u, t)))
            .ToList();
        await Soak.RunAsync(run, succeeded, soak, "batch " + batch.Number.ToString(CultureInfo.InvariantCulture), batch.Number, stopRequested, ct);
    }
}
