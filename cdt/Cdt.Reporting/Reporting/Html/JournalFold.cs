using System.Globalization;
using Cdt.Execution;
using Cdt.Execution.Policy;

namespace Cdt.Reporting.Html;

/// <summary>
/// The journal read event by event for the report: what each target, batch and cluster went
/// through, in the order they first appear. Unknown events are ignored, so newer journals still render.
/// </summary>
public sealed class JournalFold
{
    private readonly Dictionary<int, string> _batches = [];

    public string? List { get; private set; }

    public DateTimeOffset? Started { get; private set; }

    public DateTimeOffset? Finished { get; private set; }

    public DateTimeOffset? LastAt { get; private set; }

    public DateTimeOffset? Deadline { get; private set; }

    public string? StopMessage { get; private set; }

    public string? FinishMessage { get; private set; }

    /// <summary>The run ended at an approval gate: its later batches wait for <c>cdt approve</c>.</summary>
    public bool Waiting { get; private set; }

    /// <summary>Targets in the order they were first named (roster first, then the journal).</summary>
    public Dictionary<string, TargetFold> Targets { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, ClusterFold> Clusters { get; } = new(StringComparer.Ordinal);

    public List<ReportEntry> Findings { get; } = [];

    public List<ReportEntry> Notes { get; } = [];

    /// <summary>Policy installations after the package, event by event (who: the unit).</summary>
    public List<ReportEntry> Policies { get; } = [];

    public TargetFold Target(string name, string unit, int batch)
    {
        if (!Targets.TryGetValue(name, out var t))
        {
            t = new TargetFold { Name = name, Unit = unit, Batch = batch };
            Targets[name] = t;
        }

        if (unit != name && !Clusters.ContainsKey(unit))
        {
            Clusters[unit] = new ClusterFold { Name = unit, Batch = batch };
        }

        return t;
    }

    public void Apply(RunEvent e)
    {
        var at = DateTimeOffset.Parse(e.At, CultureInfo.InvariantCulture);
        // A resumed run's clock may differ from the first one's: the axis ends at the latest instant.
        LastAt = LastAt is { } last && last > at ? last : at;
        switch (e.Event)
        {
            case RunEvents.RunStarted or RunEvents.RunResumed:
                Started ??= at;
                List ??= e.List;
                Deadline = e.Deadline is { } d ? DateTimeOffset.Parse(d, CultureInfo.InvariantCulture) : Deadline;
                Finished = null;
                StopMessage = null;
                Waiting = false;
                break;
            case RunEvents.RunFinished:
                Finished = at;
                FinishMessage = e.Message;
                StopMessage = e.Status == "completed" ? null : e.Message;
                Waiting = e.Status == "waiting";
                break;
            case RunEvents.BatchStarted when e.Batch is { } b:
                _batches[b] = "started " + e.At;
                break;
            case RunEvents.BatchFinished when e.Batch is { } b:
                _batches[b] = "finished " + e.At;
                break;
            case RunEvents.BatchNotStarted when e.Batch is { } b:
                _batches[b] = "not started: " + e.Message;
                foreach (var t in Targets.Values.Where(t => t.Batch == b && t.Status == "pending"))
                {
                    t.Status = "not started";
                    t.Message = "not started: " + e.Message;
                }

                break;
            case RunEvents.UnitPhase when e.Step == PolicyAfterPackage.PackageDone && e.Unit is { } u && !Clusters.ContainsKey(u):
                // A standalone gateway's package part ended: the policy section tells what follows.
                break;
            case RunEvents.PolicyStarted or RunEvents.PolicyTask when e.Unit is { } u:
                Policies.Add(new ReportEntry(e.At, u, e.Message ?? string.Empty));
                break;
            case RunEvents.PolicyFinished when e.Unit is { } u:
                Policies.Add(new ReportEntry(e.At, u, (e.Status ?? "finished") + ": " + e.Message));
                break;
            case RunEvents.UnitPhase when e.Unit is { } u && e.Batch is { } b:
                Cluster(u, b).Phases.Add(ReportEntry.Of(e.At, string.Empty, e.Message ?? e.Step ?? string.Empty));
                break;
            case RunEvents.UnitFinished when e.Unit is { } u && Clusters.TryGetValue(u, out var c):
                c.Outcome = (e.Status ?? "finished") + (string.IsNullOrEmpty(e.Message) ? string.Empty : ": " + e.Message);
                break;
            case RunEvents.TargetStarted when Of(e) is { } t:
                t.Status = "interrupted";
                t.Started = at;
                t.Finished = null;
                t.FailedStep = null;
                t.Message = string.Empty;
                t.Steps.Clear();
                break;
            case RunEvents.StepFinished when Of(e) is { } t:
                // "ok" goes without saying: at 10,000 targets each word costs the report 30 kB.
                t.Steps.Add(string.Create(CultureInfo.InvariantCulture, $"{e.Step}{(e.Status == "ok" ? string.Empty : " " + e.Status)} {e.Seconds ?? 0:0.#}s"));
                if (e.Status == "failed")
                {
                    t.FailedStep = e.Step;
                }

                t.Message = e.Message ?? t.Message;
                break;
            case RunEvents.TargetFinished when Of(e) is { } t:
                t.Status = e.Status is "succeeded" or "failed" ? e.Status : "not started";
                t.Finished = at;
                t.Message = e.Message ?? string.Empty;
                break;
            case RunEvents.ApprovalWait:
                Notes.Add(ReportEntry.Of(e.At, string.Empty, (e.Message ?? "waiting for approval") + ": nothing more starts until 'cdt approve'"));
                break;
            case RunEvents.Approved:
                Notes.Add(ReportEntry.Of(e.At, string.Empty, PlainProgress.Approved(e)));
                break;
            case RunEvents.Note:
                Notes.Add(ReportEntry.Of(e.At, string.Empty, e.Message ?? string.Empty));
                break;
            case RunEvents.HealthFinding:
                Findings.Add(ReportEntry.Of(e.At, e.Target ?? e.Unit ?? string.Empty, e.Message ?? string.Empty));
                break;
        }
    }

    public string BatchStatus(int batch) => _batches.GetValueOrDefault(batch) ?? (Waiting ? "waiting for approval" : "not reached");

    public string Outcome(int failures) => (Finished, StopMessage) switch
    {
        (null, _) => "interrupted: the journal has no run_finished (killed, or still running)",
        (_, { } wait) when Waiting => wait + ": nothing more starts until 'cdt approve'",
        (_, { } stop) => "stopped: " + stop,
        _ => failures > 0 ? "completed with failures: " + FinishMessage : "completed: " + FinishMessage,
    };

    private ClusterFold Cluster(string unit, int batch)
    {
        if (!Clusters.TryGetValue(unit, out var c))
        {
            c = new ClusterFold { Name = unit, Batch = batch };
            Clusters[unit] = c;
        }

        return c;
    }

    private TargetFold? Of(RunEvent e) =>
        e.Target is { } name && e.Batch is { } b ? Target(name, e.Unit ?? name, b) : null;

    /// <summary>One target as the journal tells it.</summary>
    public sealed class TargetFold
    {
        public required string Name { get; init; }

        public required string Unit { get; init; }

        public required int Batch { get; init; }

        public string Status { get; set; } = "pending";

        public DateTimeOffset? Started { get; set; }

        public DateTimeOffset? Finished { get; set; }

        public string? FailedStep { get; set; }

        public string Message { get; set; } = string.Empty;

        public List<string> Steps { get; } = [];
    }

    /// <summary>A cluster and the phases its choreography journaled.</summary>
    public sealed class ClusterFold
    {
        public required string Name { get; init; }

        public required int Batch { get; init; }

        public string? Outcome { get; set; }

        public List<ReportEntry> Phases { get; } = [];
    }
}
