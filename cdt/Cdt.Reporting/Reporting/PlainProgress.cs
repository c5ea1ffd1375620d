using System.Globalization;
using Cdt.Execution;

namespace Cdt.Reporting;

/// <summary>Progress without a terminal: one plain line per event, fit for a log file.</summary>
public sealed class PlainProgress : IRunObserver
{
    private readonly TextWriter _out;
    private readonly object _gate = new();

    public PlainProgress(TextWriter output)
    {
        _out = output;
    }

    public void OnEvent(RunEvent e, RunState state)
    {
        var line = Line(e, state);
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            _out.WriteLine(e.At + " " + line);
        }
    }

    public void OnDetail(string? target, string text)
    {
    }

    /// <summary>An approval as people read it: who, the gate, and the note if any.</summary>
    public static string Approved(RunEvent e) =>
        string.Create(CultureInfo.InvariantCulture, $"approved by {e.User}: the gate after batch {e.Batch} is open") + (e.Note is { } note ? " (note: " + note + ")" : string.Empty);

    public static string? Line(RunEvent e, RunState state) => e.Event switch
    {
        RunEvents.RunStarted => "run started: " + e.List + (e.Deadline is null ? string.Empty : ", deadline " + e.Deadline),
        RunEvents.RunResumed => "run resumed: " + e.List,
        RunEvents.BatchStarted => string.Create(CultureInfo.InvariantCulture, $"batch {e.Batch} of {state.Batches.Count} started: {e.Message}"),
        RunEvents.BatchFinished => string.Create(CultureInfo.InvariantCulture, $"batch {e.Batch} finished; {state.Read(StatusText.Counts)}"),
        RunEvents.BatchNotStarted => string.Create(CultureInfo.InvariantCulture, $"batch {e.Batch} not started: {e.Message}"),
        RunEvents.UnitPhase => $"{e.Unit}: {e.Message}",
        RunEvents.UnitFinished when e.Unit is not null && state.Units.TryGetValue(e.Unit, out _) && e.Status != "succeeded" => $"{e.Unit}: {e.Status}: {e.Message}",
        RunEvents.StepFinished => $"{e.Target} {e.Step} {e.Status}: {e.Message}",
        RunEvents.TargetFinished => $"{e.Target} {e.Status}: {e.Message}",
        RunEvents.Note => e.Message,
        RunEvents.PolicyStarted or RunEvents.PolicyTask => $"{e.Unit}: {e.Message}",
        RunEvents.PolicyFinished => $"{e.Unit}: policy {e.Status}: {e.Message}",
        RunEvents.ApprovalWait => e.Message + ": nothing more starts until 'cdt approve LIST'",
        RunEvents.Approved => Approved(e),
        RunEvents.RunFinished => "run finished: " + e.Message,
        _ => null,
    };
}
