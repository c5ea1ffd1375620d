using System.Globalization;
using Cdt.Execution;
using Cdt.Formats;

namespace Cdt.Reporting.Html;

/// <summary>
/// Folds a run's journal into what report.html shows. Works on any journal, also one without
/// run_finished (a killed run): targets started but never finished read "interrupted".
/// </summary>
public static class ReportModelBuilder
{
    public static ReportModel Build(IReadOnlyList<RunEvent> events, IReadOnlyList<ReportRosterEntry>? roster)
    {
        var fold = new JournalFold();
        foreach (var r in roster ?? [])
        {
            fold.Target(r.Name, r.Unit, r.Batch);
        }

        foreach (var e in events)
        {
            fold.Apply(e);
        }

        // By unit, then name: the same order whether the roster or only the journal names the targets.
        var targets = fold.Targets.Values.OrderBy(t => t.Batch).ThenBy(t => t.Unit, StringComparer.Ordinal).ThenBy(t => t.Name, StringComparer.Ordinal).ToList();
        var start = fold.Started ?? targets.Select(t => t.Started).Min();
        var end = new[] { fold.LastAt, fold.Deadline }.Max();
        var axis = new TimeAxis(start, end);
        var failures = targets.Where(t => t.Status == "failed")
            .Select(t => new ReportFailure(t.Name, t.Batch, t.Unit, t.FailedStep ?? string.Empty, t.Message))
            .ToList();
        var batches = targets.GroupBy(t => t.Batch).OrderBy(g => g.Key).Select(g => new ReportBatch
        {
            Number = g.Key,
            Status = fold.BatchStatus(g.Key),
            Counts = CountsText(g),
            Targets = g.Select(t => Row(t, axis)).ToList(),
        }).ToList();
        return new ReportModel
        {
            List = fold.List ?? "(the journal does not name its list)",
            Outcome = fold.Outcome(failures.Count),
            OutcomeCss = fold.Finished is null || fold.StopMessage is not null ? "stopped" : failures.Count > 0 ? "failed" : "ok",
            Started = Format(fold.Started),
            Finished = fold.Finished is { } f ? IsoTime.Format(f) : "not finished (the journal ends without run_finished: the run was killed or is still running)",
            Deadline = Format(fold.Deadline, "none"),
            DeadlineLeft = fold.Deadline is { } d ? axis.Percent(d) ?? string.Empty : string.Empty,
            AxisStart = Format(axis.Start),
            AxisEnd = Format(axis.End),
            Counts = targets.GroupBy(t => t.Status).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => KeyValuePair.Create(g.Key, g.Count())).ToList(),
            TargetCount = targets.Count,
            Failures = failures,
            Batches = batches,
            Clusters = fold.Clusters.Values.OrderBy(c => c.Batch).ThenBy(c => c.Name, StringComparer.Ordinal).Select(c => new ReportCluster(c.Name, c.Batch, c.Outcome ?? "not finished", c.Phases)).ToList(),
            Findings = fold.Findings,
            Notes = fold.Notes,
            Policies = fold.Policies,
            Caveat = roster is null ? "Only targets the journal mentions are listed: the list the run was made from was not available to name the others." : string.Empty,
        };
    }

    private static ReportTargetRow Row(JournalFold.TargetFold t, TimeAxis axis) => new()
    {
        Name = t.Name,
        Unit = t.Unit == t.Name ? string.Empty : t.Unit,
        Status = t.Status,
        Css = t.Status switch
        {
            "succeeded" => "s",
            "failed" => "f",
            "interrupted" => "r",
            "not started" => "n",
            _ => "p",
        },
        Steps = string.Join("; ", t.Steps),
        Duration = t.Started is { } s && t.Finished is { } f ? DurationText.Format(TimeSpan.FromSeconds(Math.Round((f - s).TotalSeconds))) : string.Empty,
        Message = t.Message,
        Left = t.Started is { } a ? axis.Percent(a) ?? string.Empty : string.Empty,
        Width = t.Started is { } b ? axis.Width(b, t.Finished ?? axis.End) ?? string.Empty : string.Empty,
    };

    private static string CountsText(IEnumerable<JournalFold.TargetFold> targets) =>
        string.Join(", ", targets.GroupBy(t => t.Status).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Count().ToString(CultureInfo.InvariantCulture) + " " + g.Key));

    private static string Format(DateTimeOffset? at, string none = "unknown") => at is { } a ? IsoTime.Format(a) : none;
}
