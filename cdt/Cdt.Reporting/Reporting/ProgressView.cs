using System.Globalization;
using Cdt.Execution;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Cdt.Reporting;

/// <summary>
/// What the live display shows at one moment: batch k of n and the counts, the deadline and ETA,
/// and a table of the shown batch's clusters and targets with their status (running ones first,
/// at most <see cref="MaxRows"/>). <see cref="Key"/> is all of it as text: equal keys draw the same.
/// </summary>
public sealed class ProgressView
{
    public const int MaxRows = 20;

    private ProgressView(string heading, string timing, IReadOnlyList<ProgressRow> rows, int hidden)
    {
        Heading = heading;
        Timing = timing;
        Rows = rows;
        Hidden = hidden;
        Key = string.Join('\n', [heading, timing, .. rows.Select(r => r.Name + '\t' + r.Status), hidden.ToString(CultureInfo.InvariantCulture)]);
    }

    public string Heading { get; }

    public string Timing { get; }

    public IReadOnlyList<ProgressRow> Rows { get; }

    /// <summary>Targets of the shown batch left out to keep the table short.</summary>
    public int Hidden { get; }

    public string Key { get; }

    public static ProgressView Of(RunState state, DateTimeOffset now) => state.Read(s =>
    {
        var current = s.Batches.Values.LastOrDefault(b => b.Started && !b.Finished);
        var heading = (s.Finished is not null ? "finished" : current is null ? "waiting" : $"batch {current.Number} of {s.Batches.Count}") + " | " + StatusText.Counts(s);
        var timing = StatusText.Timing(s, now, s.Overview?.Deadline);

        // Between batches and at the end the batch just done stays in view, with its outcomes.
        var shown = current ?? s.Batches.Values.LastOrDefault(b => b.Started);
        var rows = new List<ProgressRow>();
        var hidden = 0;
        if (shown is not null)
        {
            var targetsByUnit = s.Targets.Values.Where(t => t.Batch == shown.Number).ToLookup(t => t.Unit, StringComparer.Ordinal);
            var units = s.Units.Values.Where(u => u.Batch == shown.Number).OrderBy(u => u.Started && !u.Finished ? 0 : u.Finished ? 1 : 2);
            foreach (var u in units)
            {
                var targets = targetsByUnit[u.Name].ToList();
                var isCluster = targets.Count > 1 || targets.Any(t => t.Name != u.Name);
                if (rows.Count + targets.Count + (isCluster ? 1 : 0) > MaxRows)
                {
                    hidden += targets.Count;
                    continue;
                }

                if (isCluster)
                {
                    rows.Add(new ProgressRow(u.Name, u.Outcome ?? u.Phase, null, Member: false));
                }

                rows.AddRange(targets.Select(t => new ProgressRow(t.Name, StatusText.Describe(t), t.Status, isCluster)));
            }
        }

        return new ProgressView(heading, timing, rows, hidden);
    });

    public IRenderable Render()
    {
        var parts = new List<IRenderable> { new Text(Heading, new Style(decoration: Decoration.Bold)), new Text(Timing) };
        if (Rows.Count > 0)
        {
            var table = new Table().Border(TableBorder.Simple).AddColumn("target").AddColumn("status");
            foreach (var r in Rows)
            {
                table.AddRow(new Text((r.Member ? "  " : string.Empty) + r.Name), new Text(r.Status, StyleOf(r.Target)));
            }

            if (Hidden > 0)
            {
                table.AddRow(new Text(string.Create(CultureInfo.InvariantCulture, $"and {Hidden} more")), Text.Empty);
            }

            parts.Add(table);
        }

        return new Rows(parts);
    }

    private static Style StyleOf(TargetStatus? status) => status switch
    {
        TargetStatus.Failed => new Style(Color.Red),
        TargetStatus.Succeeded => new Style(Color.Green),
        TargetStatus.Running => new Style(Color.Yellow),
        TargetStatus.Pending or TargetStatus.NotStarted => new Style(Color.Grey),
        _ => Style.Plain,
    };
}
