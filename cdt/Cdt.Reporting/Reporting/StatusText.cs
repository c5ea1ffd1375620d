using System.Globalization;
using System.Text;
using Cdt.Execution;
using Cdt.Diagnostics;
using Cdt.Formats;
using Cdt.Yaml;

namespace Cdt.Reporting;

/// <summary>
/// The status an admin watches during a long run (like CDT's CDT_status.txt): the brief form
/// (counts, current batch, deadline) and the full one (every batch, unit phase and target step).
/// </summary>
public static class StatusText
{
    public static string Brief(RunState state, DateTimeOffset now, DateTimeOffset? deadline) => state.Read(s =>
    {
        var sb = new StringBuilder();
        var total = s.Batches.Count;
        var current = s.Batches.Values.LastOrDefault(b => b.Started);
        var done = s.Batches.Values.Count(b => b.Finished);
        sb.Append(CultureInfo.InvariantCulture, $"cdt status at {IsoTime.Format(now)}: ");
        sb.Append(s.WaitingAfter is { } gate ? ApprovalGates.Waiting(gate) + " (nothing more starts until 'cdt approve')" : s.Finished is not null ? "finished" : current is null ? "starting" : $"batch {current.Number} ({done} of {total} batches done)");
        sb.Append('\n');
        sb.Append(Counts(s)).Append('\n');
        sb.Append(Timing(s, now, deadline)).Append('\n');

        if (s.StopReason is not null && s.WaitingAfter is null)
        {
            sb.Append("stopped: ").Append(s.StopReason).Append('\n');
        }

        return sb.ToString();
    });

    public static string Full(RunState state, DateTimeOffset now, DateTimeOffset? deadline)
    {
        var sb = new StringBuilder(Brief(state, now, deadline));
        state.Read(s =>
        {
            // One pass to group: the status of a 10,000-target run is rewritten while it runs.
            var unitsByBatch = s.Units.Values.ToLookup(u => u.Batch);
            var targetsByUnit = s.Targets.Values.ToLookup(t => t.Unit, StringComparer.Ordinal);
            foreach (var b in s.Batches.Values)
            {
                var status = b.Finished ? "finished" : b.Started ? "running" : b.NotStartedReason is { } r ? "not started: " + r : s.WaitingAfter is { } gate && b.Number > gate ? ApprovalGates.Waiting(gate) : "waiting";
                sb.Append(CultureInfo.InvariantCulture, $"\nbatch {b.Number}: {status}\n");
                foreach (var u in unitsByBatch[b.Number])
                {
                    var targets = targetsByUnit[u.Name].ToList();
                    var isCluster = targets.Count > 1 || targets.Any(t => t.Name != u.Name);
                    if (isCluster)
                    {
                        sb.Append("  ").Append(u.Name).Append(": ").Append(u.Outcome ?? u.Phase).Append('\n');
                    }

                    foreach (var t in targets)
                    {
                        sb.Append(isCluster ? "    " : "  ").Append(t.Name.PadRight(24)).Append(' ').Append(Describe(t)).Append('\n');
                    }
                }
            }

            return 0;
        });
        return sb.ToString();
    }

    /// <summary>The deadline, the time left and the estimated end of the run, on one line.</summary>
    public static string Timing(RunState s, DateTimeOffset now, DateTimeOffset? deadline)
    {
        var sb = new StringBuilder();
        if (deadline is { } d)
        {
            var left = d - now;
            sb.Append("deadline ").Append(IsoTime.Format(d)).Append(left > TimeSpan.Zero ? $" (in {DurationText.Format(Round(left))})" : " (passed: no new batch starts)");
        }
        else
        {
            sb.Append("no deadline");
        }

        if (s.Finished is null && s.Overview is { } overview)
        {
            var end = overview.EstimatedEnd(s, now);
            sb.Append("; estimated end ").Append(IsoTime.Format(end));
            if (deadline is { } dl && end > dl)
            {
                sb.Append(" (after the deadline: later batches will not start)");
            }
        }

        return sb.ToString();
    }

    public static string Describe(TargetState t) => t.Status switch
    {
        TargetStatus.Running => "running: " + (t.Step ?? "starting") + (t.Message.Length > 0 ? " (" + t.Message + ")" : string.Empty),
        TargetStatus.Succeeded => "succeeded: " + t.Message,
        TargetStatus.Failed => "FAILED: " + t.Message,
        TargetStatus.NotStarted => t.Message,
        _ => "waiting",
    };

    public static string Counts(RunState s)
    {
        var c = s.Targets.Values.GroupBy(t => t.Status).ToDictionary(g => g.Key, g => g.Count());
        return string.Create(CultureInfo.InvariantCulture,
            $"{c.GetValueOrDefault(TargetStatus.Succeeded)} succeeded, {c.GetValueOrDefault(TargetStatus.Failed)} failed, {c.GetValueOrDefault(TargetStatus.Running)} running, {c.GetValueOrDefault(TargetStatus.Pending)} waiting, {c.GetValueOrDefault(TargetStatus.NotStarted)} not started (of {s.Targets.Count})");
    }

    private static TimeSpan Round(TimeSpan t) => TimeSpan.FromMinutes(Math.Ceiling(t.TotalMinutes));
}
