using System.Text;
using Cdt.Execution;

namespace Cdt.Reporting;

/// <summary>
/// Progress on a terminal: finished targets and batch changes scroll by as lines; below them a
/// live block (batch k of n, counts, deadline and ETA, each running cluster's phase and each
/// running target's step) is redrawn in place at most every 150 ms.
/// </summary>
public sealed class LiveProgress : IRunObserver
{
    private readonly TextWriter _out;
    private readonly TimeProvider _time;
    private readonly object _gate = new();
    private long _lastDraw;
    private int _drawn;

    public LiveProgress(TextWriter output, TimeProvider time)
    {
        _out = output;
        _time = time;
    }

    public void OnEvent(RunEvent e, RunState state)
    {
        var permanent = e.Event is RunEvents.TargetFinished or RunEvents.BatchStarted or RunEvents.BatchFinished or RunEvents.BatchNotStarted or RunEvents.RunFinished or RunEvents.Note or RunEvents.UnitPhase
            or RunEvents.ApprovalWait or RunEvents.Approved
            || (e.Event == RunEvents.UnitFinished && e.Status != "succeeded");
        lock (_gate)
        {
            var now = Environment.TickCount64;
            if (!permanent && now - _lastDraw < 150)
            {
                return;
            }

            _lastDraw = now;
            var sb = new StringBuilder();
            Clear(sb);
            if (permanent && PlainProgress.Line(e, state) is { } line)
            {
                sb.Append(line).Append('\n');
            }

            if (e.Event != RunEvents.RunFinished)
            {
                var block = Block(state);
                sb.Append(block);
                _drawn = block.Count(c => c == '\n');
            }

            _out.Write(sb.ToString());
            _out.Flush();
        }
    }

    public void OnDetail(string? target, string text)
    {
    }

    private void Clear(StringBuilder sb)
    {
        for (var i = 0; i < _drawn; i++)
        {
            sb.Append("\u001b[1A\u001b[2K");
        }

        _drawn = 0;
    }

    private string Block(RunState state) => state.Read(s =>
    {
        var sb = new StringBuilder();
        var current = s.Batches.Values.LastOrDefault(b => b.Started && !b.Finished);
        sb.Append("\u001b[1m");
        sb.Append(current is null ? "waiting" : $"batch {current.Number} of {s.Batches.Count}").Append(" | ").Append(StatusText.Counts(s));
        sb.Append("\u001b[0m\n  ").Append(StatusText.Timing(s, _time.GetLocalNow(), s.Overview?.Deadline)).Append('\n');
        var running = s.Targets.Values.Where(t => t.Status == TargetStatus.Running).Take(15).ToList();
        foreach (var unit in running.Select(t => t.Unit).Distinct())
        {
            if (s.Units.TryGetValue(unit, out var u) && running.Any(t => t.Unit == unit && t.Name != unit))
            {
                sb.Append("  ").Append(unit).Append(": ").Append(u.Phase).Append('\n');
            }

            foreach (var t in running.Where(t => t.Unit == unit))
            {
                sb.Append("    ").Append(t.Name.PadRight(24)).Append(' ').Append(t.Step ?? "starting").Append('\n');
            }
        }

        return sb.ToString();
    });
}
