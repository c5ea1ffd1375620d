using Cdt.Execution;
using Cdt.Files;

namespace Cdt.Reporting;

/// <summary>
/// Keeps CDT_status.txt (full) and CDT_status_brief.txt in the run folder current, rewritten
/// atomically so <c>watch cat</c> never shows half a file; the full one at most every
/// <c>status_interval</c>, both at every batch boundary and at the end.
/// </summary>
public sealed class StatusFilesObserver : IRunObserver
{
    public const string FullName = "CDT_status.txt";
    public const string BriefName = "CDT_status_brief.txt";
    private readonly string _folder;
    private readonly TimeProvider _time;
    private readonly TimeSpan _interval;
    private readonly DateTimeOffset? _deadline;
    private DateTimeOffset _lastFull = DateTimeOffset.MinValue;

    public StatusFilesObserver(string folder, TimeProvider time, TimeSpan interval, DateTimeOffset? deadline)
    {
        _folder = folder;
        _time = time;
        _interval = interval;
        _deadline = deadline;
    }

    public void OnEvent(RunEvent e, RunState state)
    {
        var now = _time.GetLocalNow();
        var boundary = e.Event is RunEvents.BatchStarted or RunEvents.BatchFinished or RunEvents.BatchNotStarted or RunEvents.RunFinished or RunEvents.RunStarted or RunEvents.RunResumed;
        if (!boundary && now - _lastFull < _interval)
        {
            return;
        }

        Write(state, now);
    }

    public void Write(RunState state, DateTimeOffset now)
    {
        _lastFull = now;
        AtomicFile.WriteAllText(Path.Combine(_folder, BriefName), StatusText.Brief(state, now, _deadline));
        AtomicFile.WriteAllText(Path.Combine(_folder, FullName), StatusText.Full(state, now, _deadline));
    }

    public void OnDetail(string? target, string text)
    {
    }
}
