using Cdt.Diagnostics;
using System.Globalization;

using Cdt.Storage;

namespace Cdt.Execution;

/// <summary>
/// Predicts how long a batch takes: per-target durations measured in earlier runs (their
/// journals), else the configured estimate; units are scheduled greedily on <c>max_parallel</c>
/// slots, clusters one member after another plus a failover allowance.
/// </summary>
public sealed class DurationEstimator
{
    private readonly IReadOnlyDictionary<string, TimeSpan> _measured;
    private readonly TimeSpan _default;
    private readonly TimeSpan _failover;

    public DurationEstimator(IReadOnlyDictionary<string, TimeSpan> measured, TimeSpan defaultEstimate, TimeSpan failoverAllowance)
    {
        _measured = measured;
        _default = defaultEstimate;
        _failover = failoverAllowance;
    }

    public TimeSpan Target(string name) => _measured.TryGetValue(name, out var d) ? d : _default;

    public TimeSpan Unit(RunUnit unit) => unit.Kind == UnitKind.Standalone
        ? Target(unit.Targets[0].Name)
        : unit.Targets.Aggregate(TimeSpan.Zero, (sum, t) => sum + Target(t.Name)) + _failover;

    /// <summary>The batch's makespan under the slot limit (list scheduling in batch order).</summary>
    public TimeSpan Batch(IEnumerable<RunUnit> units, int maxParallel) => Makespan(units.Select(u => (Math.Min(u.Slots, maxParallel), Unit(u))), maxParallel);

    public static TimeSpan Makespan(IEnumerable<(int Slots, TimeSpan Duration)> jobs, int capacity)
    {
        var running = new PriorityQueue<int, TimeSpan>();
        var free = capacity;
        var now = TimeSpan.Zero;
        var end = TimeSpan.Zero;
        foreach (var (slots, duration) in jobs)
        {
            while (free < slots && running.TryDequeue(out var s, out var t))
            {
                now = t > now ? t : now;
                free += s;
            }

            free -= slots;
            running.Enqueue(slots, now + duration);
            end = now + duration > end ? now + duration : end;
        }

        return end;
    }

    // An estimate is a hint: a damaged old journal gives none, it never stops a new run.
    private static IReadOnlyList<RunEvent> ReadOrSkip(IFileStore files, string journal)
    {
        try
        {
            return RunJournal.Read(files, journal);
        }
        catch (CdtInputException)
        {
            return [];
        }
    }

    /// <summary>Durations of targets that succeeded in earlier runs under <paramref name="logsDir"/> (latest wins).</summary>
    public static IReadOnlyDictionary<string, TimeSpan> FromJournals(IFileStore files, string logsDir)
    {
        var result = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
        foreach (var journal in files.Folders(logsDir).Select(d => Path.Combine(d, "journal.jsonl")).Where(files.FileExists))
        {
            var started = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
            foreach (var e in ReadOrSkip(files, journal))
            {
                if (e.Target is null)
                {
                    continue;
                }

                var at = DateTimeOffset.Parse(e.At, CultureInfo.InvariantCulture);
                if (e.Event == RunEvents.TargetStarted)
                {
                    started[e.Target] = at;
                }
                else if (e.Event == RunEvents.TargetFinished && e.Status == TargetRunner.Succeeded && started.TryGetValue(e.Target, out var s))
                {
                    result[e.Target] = at - s;
                }
            }
        }

        return result;
    }
}
