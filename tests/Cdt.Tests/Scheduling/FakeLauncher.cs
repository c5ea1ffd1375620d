using Cdt.Scheduling;

namespace Cdt.Tests.Scheduling;

/// <summary>Stands in for the execute engine: records each request and the time it came, takes simulated time, returns scripted outcomes.</summary>
public sealed class FakeLauncher : IScheduledRunLauncher
{
    private readonly TimeProvider _time;
    private readonly Queue<RunOutcome> _script = new();

    public FakeLauncher(TimeProvider time, TimeSpan? runTakes = null)
    {
        _time = time;
        RunTakes = runTakes ?? TimeSpan.FromMinutes(40);
    }

    public TimeSpan RunTakes { get; set; }

    public List<(ScheduledRunRequest Request, DateTimeOffset At)> Calls { get; } = [];

    /// <summary>Outcomes for the next calls, in order; Succeeded once they run out.</summary>
    public FakeLauncher Then(params RunOutcome[] outcomes)
    {
        foreach (var o in outcomes)
        {
            _script.Enqueue(o);
        }

        return this;
    }

    public async Task<ScheduledRunOutcome> RunAsync(ScheduledRunRequest request, CancellationToken ct)
    {
        Calls.Add((request, _time.GetUtcNow()));
        await Task.Delay(RunTakes, _time, ct);
        var outcome = _script.Count > 0 ? _script.Dequeue() : RunOutcome.Succeeded;
        return outcome == RunOutcome.Succeeded
            ? new ScheduledRunOutcome { Outcome = outcome, Installed = 3 }
            : new ScheduledRunOutcome { Outcome = outcome, Installed = 1, Failed = 1, Pending = 1, Message = "gw-b: install failed" };
    }
}
