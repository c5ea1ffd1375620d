using System.Globalization;
using Cdt.Diagnostics;
using Cdt.Formats;
using Cdt.Yaml;

namespace Cdt.Execution;

/// <summary>
/// Emits run events: journal first (durable), then the live state, then observers. Every part of
/// the engine reports through here, so the journal is complete by construction.
/// </summary>
public sealed class RunRecorder
{
    private readonly RunJournal _journal;
    private readonly TimeProvider _time;
    private readonly IReadOnlyList<IRunObserver> _observers;

    public RunRecorder(RunJournal journal, RunState state, TimeProvider time, IReadOnlyList<IRunObserver> observers)
    {
        _journal = journal;
        State = state;
        _time = time;
        _observers = observers;
    }

    public RunState State { get; }

    public string Now() => IsoTime.Format(_time.GetLocalNow());

    public void Emit(RunEvent e)
    {
        _journal.Append(e);
        State.Apply(e);
        foreach (var o in _observers)
        {
            o.OnEvent(e, State);
        }
    }

    public void Detail(string? target, string text)
    {
        foreach (var o in _observers)
        {
            o.OnDetail(target, text);
        }
    }

    public void TargetStarted(RunUnit unit, RunTarget t) =>
        Emit(new RunEvent { At = Now(), Event = RunEvents.TargetStarted, Batch = unit.Batch, Unit = unit.Name, Target = t.Name });

    public void TargetFinished(RunUnit unit, RunTarget t, string status, string message) =>
        Emit(new RunEvent { At = Now(), Event = RunEvents.TargetFinished, Batch = unit.Batch, Unit = unit.Name, Target = t.Name, Status = status, Message = message });

    public void StepStarted(RunUnit unit, RunTarget t, string step) =>
        Emit(new RunEvent { At = Now(), Event = RunEvents.StepStarted, Batch = unit.Batch, Unit = unit.Name, Target = t.Name, Step = step });

    public void StepFinished(RunUnit unit, RunTarget t, string step, string status, string message, TimeSpan duration) =>
        Emit(new RunEvent
        {
            At = Now(),
            Event = RunEvents.StepFinished,
            Batch = unit.Batch,
            Unit = unit.Name,
            Target = t.Name,
            Step = step,
            Status = status,
            Message = message,
            Seconds = Math.Round(duration.TotalSeconds, 3),
        });

    /// <summary>A cluster's progress: <paramref name="key"/> is what resume looks for, <paramref name="text"/> what people read.</summary>
    public void UnitPhase(RunUnit unit, string key, string text) =>
        Emit(new RunEvent { At = Now(), Event = RunEvents.UnitPhase, Batch = unit.Batch, Unit = unit.Name, Step = key, Message = text });

    public void Note(string text, int? batch = null) =>
        Emit(new RunEvent { At = Now(), Event = RunEvents.Note, Batch = batch, Message = text });

    public static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
}
