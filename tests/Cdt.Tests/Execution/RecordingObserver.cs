using Cdt.Execution;

namespace Cdt.Tests.Execution;

/// <summary>Watches a run as it happens: slots in use, batch order, and optionally kills it at the Nth event.</summary>
public sealed class RecordingObserver : IRunObserver
{
    private readonly Func<string, int> _slotsOf;
    private readonly Dictionary<string, int> _running = new(StringComparer.Ordinal);

    public RecordingObserver(Func<string, int> slotsOf)
    {
        _slotsOf = slotsOf;
    }

    public int SlotsInUse { get; private set; }

    public int MaxSlotsInUse { get; private set; }

    public List<string> OrderViolations { get; } = [];

    public List<RunEvent> Events { get; } = [];

    /// <summary>Called with each event's index; a kill switch disposes the journal and aborts the run there.</summary>
    public Action<int>? OnIndex { get; set; }

    public void OnEvent(RunEvent e, RunState state)
    {
        Events.Add(e);
        switch (e.Event)
        {
            case RunEvents.UnitStarted:
                var slots = _slotsOf(e.Unit!);
                _running[e.Unit!] = slots;
                SlotsInUse += slots;
                MaxSlotsInUse = Math.Max(MaxSlotsInUse, SlotsInUse);
                break;
            case RunEvents.UnitFinished when _running.Remove(e.Unit!, out var s):
                SlotsInUse -= s;
                break;
            case RunEvents.TargetStarted:
                var earlier = state.Targets.Values.Where(t => t.Batch < e.Batch && t.Status is TargetStatus.Running or TargetStatus.Pending).Select(t => t.Name).ToList();
                if (earlier.Count > 0)
                {
                    OrderViolations.Add($"{e.Target} (batch {e.Batch}) started while {string.Join(", ", earlier)} of an earlier batch had not finished");
                }

                break;
        }

        OnIndex?.Invoke(Events.Count);
    }

    public void OnDetail(string? target, string text)
    {
    }
}
