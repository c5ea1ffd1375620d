using System.Globalization;
using Cdt.Config;
using Cdt.Formats;

namespace Cdt.Execution.Health;

/// <summary>
/// A wait with the health of some targets re-checked every <c>health.interval</c> against their
/// baselines (<c>execute.soak</c> between batches, <c>clusters.soak</c> before a former active member
/// is touched). A regression is handled as after an install: with <c>on_regression: fail</c> the
/// target fails, with <c>warn</c> the findings are recorded. A target is reported once; it is not re-checked after.
/// Runs on the run's clock; a soft stop of the run ends the wait early.
/// </summary>
public static class Soak
{
    public const string Label = "soak";

    /// <summary>Returns the targets that regressed.</summary>
    public static async Task<IReadOnlyList<RunTarget>> RunAsync(RunContext run, IReadOnlyList<(RunUnit Unit, RunTarget Target)> targets, TimeSpan length, string what, int batch, Func<bool> stopRequested, CancellationToken ct)
    {
        var regressed = new List<RunTarget>();
        var checkedTargets = run.Health.Enabled ? targets.ToList() : [];
        run.Recorder.Note($"{what}: soaking {DurationText.Format(length)}" + (checkedTargets.Count > 0
            ? $", re-checking the health of {string.Join(", ", checkedTargets.Select(t => t.Target.Name))} every {DurationText.Format(run.Health.Interval)}"
            : " (health checks off: waiting only)"), batch);
        var until = run.Time.GetUtcNow() + length;
        var checks = 0;
        while (!stopRequested())
        {
            var left = until - run.Time.GetUtcNow();
            if (left <= TimeSpan.Zero)
            {
                break;
            }

            await run.Delay(left < run.Health.Interval || checkedTargets.Count == 0 ? left : run.Health.Interval, ct);
            checks++;
            foreach (var (unit, target) in checkedTargets.ToList())
            {
                var findings = await HealthCheck.CompareAsync(run, target.Target, target.Name, Label, ct);
                if (findings is not { Count: > 0 })
                {
                    continue;
                }

                HealthCheck.Record(run, unit, target, Label, findings);
                checkedTargets.RemoveAll(t => t.Target == target);
                regressed.Add(target);
                if (run.Health.OnRegression == RegressionPolicy.Fail)
                {
                    run.Recorder.TargetFinished(unit, target, TargetRunner.Failed, $"during the {what} soak: {HealthCheck.Describe(findings)}");
                }
            }
        }

        run.Recorder.Note(string.Create(CultureInfo.InvariantCulture, $"{what}: soak over after {checks} re-check(s)") + (regressed.Count > 0
            ? $"; health regressed on {string.Join(", ", regressed.Select(t => t.Name))}"
            : string.Empty), batch);
        return regressed;
    }
}
