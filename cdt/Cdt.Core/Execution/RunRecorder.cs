using System.Globalization;
using Cdt.Diagnostics;
using Cdt.Formats;
using Cdt.Yaml;

namespace Cdt.Execution;

/// <summary>
/// Emits run events: journal first (durable), then the live state, then observers. Every part of
/// the engine reports through here, so the journal is complete by construction. Emitting never
/// throws into a unit (a unit abandoned half-way could leave a cluster admin-down): an observer's
/// failure is a warning, once per observer; the journal's failure is a <see cref="Fault"/>, which
/// stops new work while the units in flight finish.
/// </summary>
public sealed class RunRecorder
{
    private readonly RunJournal _journal;
    private readonly TimeProvider _time;
    private readonly IReadOnlyList<IRunObserver> _observers;
    private readonly Action<string> _warn;
    private readonly HashSet<IRunObserver> _broken = new(ReferenceEqualityComparer.Instance);
    private string? _fault;

    public RunRecorder(RunJournal journal, RunState state, TimeProvider time, IReadOnlyList<IRunObserver> observers, Action<string>? warn = null)
    {
        _journal = journal;
        State = state;
        _time = time;
        _observers = observers;
        _warn = warn ?? (_ => { });
    }

    public RunState State { get; }

    /// <summary>The first failure of the run itself (the journal could not be written, a unit broke): no new work starts.</summary>
    public string? Fault => Volatile.Read(ref _fault);

    public string Now() => IsoTime.Format(_time.GetLocalNow());

    public void Emit(RunEvent e)
    {
        try
        {
            _journal.Append(e);
        }
        catch (Exception x) when (x is IOException or UnauthorizedAccessException or ObjectDisposedException)
        {
            // The journal is what resume reads: without it, starting more work would be work no
            // resume knows about. The units in flight still finish, so no cluster is left half-way.
            Faulted("the journal " + _journal.Path + " could not be written (" + x.Message + ")");
        }

        State.Apply(e);
        foreach (var o in _observers)
        {
            Guard(o, () => o.OnEvent(e, State));
        }
    }

    public void Detail(string? target, string text)
    {
        foreach (var o in _observers)
        {
            Guard(o, () => o.OnDetail(target, text));
        }
    }

    /// <summary>Records the run's first failure and warns about it; later ones add nothing.</summary>
    public void Faulted(string reason)
    {
        if (Interlocked.CompareExchange(ref _fault, reason, null) is null)
        {
            _warn(reason + ": starting nothing new; the units in flight finish");
        }
    }

    private void Guard(IRunObserver o, Action report)
    {
        try
        {
            report();
        }
        catch (Exception x) when (x is not OperationCanceledException)
        {
            bool first;
            lock (_broken)
            {
                first = _broken.Add(o);
            }

            if (first)
            {
                _warn($"{o.GetType().Name} failed ({x.Message}); its output may be incomplete, the run goes on");
            }
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
