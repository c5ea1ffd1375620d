using Cdt.Execution;
using Cdt.Diagnostics;
using Cdt.Formats;
using Cdt.Yaml;

using Cdt.Storage;

namespace Cdt.Reporting;

/// <summary>
/// Keeps CDT_status.txt (full) and CDT_status_brief.txt in the run folder current, rewritten
/// atomically so <c>watch cat</c> never shows half a file; at most every <c>status_interval</c>
/// of real time (a simulated run must not write thousands of times a second), and at every batch
/// boundary and at the end.
/// </summary>
public sealed class StatusFilesObserver : IRunObserver
{
    public const string FullName = "CDT_status.txt";
    public const string BriefName = "CDT_status_brief.txt";
    private readonly IFileStore _files;
    private readonly string _folder;
    private readonly TimeProvider _time;
    private readonly TimeSpan _interval;
    private readonly DateTimeOffset? _deadline;
    private readonly Func<long> _realMilliseconds;
    private long _lastWrite = long.MinValue;

    /// <param name="realMilliseconds">A monotonic real clock in milliseconds (<see cref="Environment.TickCount64"/>), for throttling only.</param>
    public StatusFilesObserver(IFileStore files, string folder, TimeProvider time, TimeSpan interval, DateTimeOffset? deadline, Func<long> realMilliseconds)
    {
        _files = files;
        _folder = folder;
        _time = time;
        _interval = interval;
        _deadline = deadline;
        _realMilliseconds = realMilliseconds;
    }

    public void OnEvent(RunEvent e, RunState state)
    {
        var boundary = e.Event is RunEvents.BatchStarted or RunEvents.BatchFinished or RunEvents.BatchNotStarted or RunEvents.RunFinished or RunEvents.RunStarted or RunEvents.RunResumed;
        if (!boundary && _realMilliseconds() - _lastWrite < _interval.TotalMilliseconds)
        {
            return;
        }

        Write(state, _time.GetLocalNow());
    }

    public void Write(RunState state, DateTimeOffset now)
    {
        _lastWrite = _realMilliseconds();
        _files.WriteAllTextAtomic(Path.Combine(_folder, BriefName), StatusText.Brief(state, now, _deadline));
        _files.WriteAllTextAtomic(Path.Combine(_folder, FullName), StatusText.Full(state, now, _deadline));
    }

    public void OnDetail(string? target, string text)
    {
    }
}
