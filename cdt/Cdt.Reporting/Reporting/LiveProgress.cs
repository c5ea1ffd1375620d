using System.Collections.Concurrent;
using Cdt.Execution;
using Spectre.Console;

namespace Cdt.Reporting;

/// <summary>
/// Progress on a terminal that can redraw: finished targets, batch changes and notes scroll by as
/// the plain lines; below them Spectre's live display keeps a <see cref="ProgressView"/>. The
/// engine's threads only queue lines and note the state: one render loop draws, at most every
/// <see cref="Interval"/>, so a slow terminal never holds up a unit and a rendering failure only
/// ends the display. The run's end, or disposing (Ctrl-C, a failure), ends the display, writes the
/// final state and gives the terminal back.
/// </summary>
public sealed class LiveProgress : IRunObserver, IAsyncDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(150);

    /// <summary>How long disposing waits for the last draw: a terminal that takes no output must not hold the command.</summary>
    private static readonly TimeSpan LastDraw = TimeSpan.FromSeconds(2);

    private readonly IAnsiConsole _console;
    private readonly TimeProvider _runClock;
    private readonly TimeProvider _wallClock;
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly TaskCompletionSource _stop = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly object _gate = new();
    private RunState? _state;
    private Task? _loop;
    private string? _shown;
    private volatile bool _broken;

    /// <param name="runClock">The run's clock: deadline and estimated end.</param>
    /// <param name="wallClock">The clock the display redraws by.</param>
    public LiveProgress(IAnsiConsole console, TimeProvider runClock, TimeProvider wallClock)
    {
        _console = console;
        _runClock = runClock;
        _wallClock = wallClock;
    }

    public void OnEvent(RunEvent e, RunState state)
    {
        if (_broken)
        {
            return;
        }

        var scrolls = e.Event is RunEvents.TargetFinished or RunEvents.BatchStarted or RunEvents.BatchFinished or RunEvents.BatchNotStarted or RunEvents.RunFinished or RunEvents.Note or RunEvents.UnitPhase
            or RunEvents.ApprovalWait or RunEvents.Approved or RunEvents.PolicyStarted or RunEvents.PolicyFinished
            || (e.Event == RunEvents.UnitFinished && e.Status != "succeeded");
        if (scrolls && PlainProgress.Line(e, state) is { } line)
        {
            _lines.Enqueue(line);
        }

        Volatile.Write(ref _state, state);
        lock (_gate)
        {
            _loop ??= Task.Run(RenderAsync);
        }

        if (e.Event == RunEvents.RunFinished)
        {
            _stop.TrySetResult();
        }
    }

    public void OnDetail(string? target, string text)
    {
    }

    public async ValueTask DisposeAsync()
    {
        _stop.TrySetResult();
        Task? loop;
        lock (_gate)
        {
            // Disposed before any event (a refused run): the display never starts.
            loop = _loop ??= Task.CompletedTask;
        }

        try
        {
            await loop.WaitAsync(LastDraw, _wallClock);
        }
        catch (TimeoutException)
        {
            _broken = true;
        }
    }

    private async Task RenderAsync()
    {
        try
        {
            // The live area keeps the height of its tallest draw: cleared at the end, and the final
            // state written once below the lines, it leaves no blank lines behind.
            await _console.Live(Text.Empty).AutoClear(true).StartAsync(async display =>
            {
                using var timer = new PeriodicTimer(Interval, _wallClock);
                while (true)
                {
                    // Stopped before the first draw or during a wait: the lines queued until then still show.
                    var stopping = _stop.Task.IsCompleted;
                    Draw(display);
                    if (stopping)
                    {
                        break;
                    }

                    await Task.WhenAny(timer.WaitForNextTickAsync().AsTask(), _stop.Task);
                }
            });
            if (Volatile.Read(ref _state) is { } state)
            {
                _console.Write(ProgressView.Of(state, _runClock.GetLocalNow()).Render());
                _console.WriteLine();
            }
        }
        catch (Exception)
        {
            // The terminal is gone or broke: the run goes on without its display.
            _broken = true;
        }
    }

    private void Draw(LiveDisplayContext display)
    {
        var lines = new List<string>();
        while (_lines.TryDequeue(out var line))
        {
            lines.Add(line);
        }

        if (lines.Count > 0)
        {
            _console.Write(new LinesAbove(lines));
        }

        if (Volatile.Read(ref _state) is { } state && ProgressView.Of(state, _runClock.GetLocalNow()) is var view && view.Key != _shown)
        {
            display.UpdateTarget(view.Render());
            _shown = view.Key;
        }
    }
}
