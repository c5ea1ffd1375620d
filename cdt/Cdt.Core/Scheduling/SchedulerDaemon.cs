using Cdt.Config;
using Cdt.Diagnostics;
using Cdt.Formats;
using Cdt.Yaml;
using Microsoft.Extensions.Logging;

namespace Cdt.Scheduling;

/// <summary>
/// <c>cdt daemon</c>: one loop per schedule, each doing a pass, saying what comes next, and
/// sleeping on the <see cref="TimeProvider"/> until then. Sleeps are capped so a changed wall
/// clock or a state edited by <c>cdt unlock</c> is noticed within the cap; nothing about the next
/// window lives only in memory.
/// </summary>
public sealed class SchedulerDaemon
{
    public static readonly TimeSpan MaxSleep = TimeSpan.FromHours(1);

    private readonly SchedulerPorts _ports;
    private readonly ScheduleRunner _runner;

    public SchedulerDaemon(SchedulerPorts ports)
    {
        _ports = ports;
        _runner = new ScheduleRunner(ports);
    }

    /// <summary>Runs until <paramref name="ct"/> is cancelled (SIGTERM, Ctrl-C); returns normally then.</summary>
    public async Task RunAsync(IReadOnlyList<ScheduleSettings> schedules, CancellationToken ct)
    {
        _ports.Log.LogInformation("Scheduler started as PID {Pid} on {Host} with {Count} schedule(s), state in {Folder}",
            _ports.Identity.Pid, _ports.Identity.Host, schedules.Count, _ports.Store.Folder);
        await Task.WhenAll(schedules.Select(s => LoopAsync(s, ct)));
        _ports.Log.LogInformation("Scheduler stopped");
    }

    private async Task LoopAsync(ScheduleSettings s, CancellationToken ct)
    {
        string? lastSaid = null;
        while (!ct.IsCancellationRequested)
        {
            PassResult pass;
            try
            {
                pass = await _runner.RunDueAsync(s, ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // One schedule's bug must not stop the others or the daemon: log it, try again later.
                _ports.Log.LogError(e, "Schedule {Schedule}: the pass failed with an internal error; trying again in {Sleep}", s.Name, DurationText.Format(MaxSleep));
                pass = new PassResult { Schedule = s.Name, Error = e.Message };
            }

            var now = _ports.Time.GetUtcNow();
            var wake = pass.Next?.At ?? now + MaxSleep;
            if (pass.Error is not null || pass.IoError is not null)
            {
                // A broken state or lock file, a full disk: say so every cap, never spin on it.
                wake = now + MaxSleep;
            }

            if (pass.Next is { } next)
            {
                var said = $"{next.What} at {WhenText.Both(next.At, next.Zone)}";
                if (said != lastSaid)
                {
                    _ports.Log.LogInformation("Schedule {Schedule}: next: {Next}", s.Name, said);
                    lastSaid = said;
                }
            }
            else if (lastSaid != string.Empty)
            {
                _ports.Log.LogInformation("Schedule {Schedule}: no window ahead", s.Name);
                lastSaid = string.Empty;
            }

            // Whole milliseconds, rounded up: Task.Delay drops the rest, and waking a hair early
            // would find nothing due and spin.
            var sleep = TimeSpan.FromMilliseconds(Math.Ceiling((wake - now).TotalMilliseconds));
            sleep = sleep < TimeSpan.Zero ? TimeSpan.Zero : sleep > MaxSleep ? MaxSleep : sleep;
            try
            {
                await Task.Delay(sleep, _ports.Time, ct);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
