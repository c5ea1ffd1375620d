using Cdt.Gaia.Health;
using Cdt.Transport;

namespace Cdt.Execution.Health;

/// <summary>
/// Takes a target's health, keeps it in the run folder and compares it with the target's baseline
/// (taken before its install), for the health steps and the soaks alike; findings become
/// <see cref="RunEvents.HealthFinding"/> events, which the results and report.html show.
/// </summary>
public static class HealthCheck
{
    /// <summary>The finding kind when the gateway gave no snapshot at all.</summary>
    public const string Unanswered = "gateway";

    /// <summary>Takes and keeps a snapshot under <paramref name="label"/>; null with the reason when the gateway did not answer.</summary>
    public static async Task<(HealthSnapshot? Snapshot, string? Error)> TakeAsync(RunContext run, Target remote, string name, string label, CancellationToken ct)
    {
        var answer = await run.Driver.HealthAsync(remote, ct);
        if (answer.Value is not { } taken)
        {
            return (null, answer.Error ?? "no answer");
        }

        var snapshot = taken with { Target = name, TakenAt = run.Recorder.Now() };
        new HealthStore(run.Files, run.RunFolder).Write(snapshot, label);
        return (snapshot, null);
    }

    /// <summary>Compares the target now with its baseline; null when it has no baseline (health was off, or the baseline failed).</summary>
    public static async Task<IReadOnlyList<HealthFinding>?> CompareAsync(RunContext run, Target remote, string name, string label, CancellationToken ct)
    {
        if (new HealthStore(run.Files, run.RunFolder).Baseline(name) is not { } baseline)
        {
            return null;
        }

        var (now, error) = await TakeAsync(run, remote, name, label, ct);
        return now is null
            ? [new HealthFinding(Unanswered, null, "answering", "no snapshot: " + error)]
            : HealthComparison.Compare(baseline, now, run.Health.RoutesTolerance);
    }

    /// <summary>
    /// Compares again every <c>health.interval</c> until the target is as healthy as before or
    /// <paramref name="within"/> has passed: a gateway back from a reboot may still be starting
    /// processes or rejoining its cluster. Returns the last comparison.
    /// </summary>
    public static async Task<IReadOnlyList<HealthFinding>?> SettleAsync(RunContext run, Target remote, string name, string label, TimeSpan within, CancellationToken ct)
    {
        var until = run.Time.GetUtcNow() + within;
        while (true)
        {
            var findings = await CompareAsync(run, remote, name, label, ct);
            var left = until - run.Time.GetUtcNow();
            if (findings is null || findings.Count == 0 || left <= TimeSpan.Zero)
            {
                return findings;
            }

            await run.Delay(left < run.Health.Interval ? left : run.Health.Interval, ct);
        }
    }

    /// <summary>Journals each finding (the report lists them) and keeps them beside the snapshot.</summary>
    public static void Record(RunContext run, RunUnit unit, RunTarget target, string label, IReadOnlyList<HealthFinding> findings)
    {
        new HealthStore(run.Files, run.RunFolder).WriteFindings(target.Name, label, findings);
        foreach (var f in findings)
        {
            run.Recorder.Emit(new RunEvent
            {
                At = run.Recorder.Now(),
                Event = RunEvents.HealthFinding,
                Batch = unit.Batch,
                Unit = unit.Name,
                Target = target.Name,
                Step = label,
                Message = f.Text,
            });
        }
    }

    public static string Describe(IReadOnlyList<HealthFinding> findings) => "health regression: " + string.Join("; ", findings.Select(f => f.Text));
}
