using Cdt.Config;
using Cdt.Diagnostics;
using Cdt.Execution;

namespace Cdt.Scheduling;

/// <summary>
/// <c>cdt execute</c> and <c>cdt resume</c> from a request to a verdict: a dry run touches
/// nothing; a schedule's update lock refuses a manual run unless it is ignored; the run itself
/// keeps its fleet's clock.
/// </summary>
public sealed class ExecuteWorkflow(ExecuteWorkflowPorts ports)
{
    public Task<ExecuteVerdict> RunAsync(ExecuteRequest request, ExecuteOptions options, RunControl control, Action<string> warn)
    {
        if (options.DryRun)
        {
            return Task.FromResult<ExecuteVerdict>(new ExecuteVerdict.Previewed(new ExecutionService(ports.Ports).RenderDryRun(request, warn)));
        }

        if (!options.IgnoreLock && UpdateLocks.ManualRunRefusals(ports.Ports.Files, options.StateDir, request.Config.Schedules) is { Count: > 0 } refusals)
        {
            return Task.FromResult<ExecuteVerdict>(new ExecuteVerdict.Refused(refusals));
        }

        // The simulated fleet lives on simulated time: a night's run takes seconds. A resumed
        // run goes on from where the killed one stopped, so the fleet it left (gateways still
        // rebooting) and the journal's times stay consistent.
        var clock = request.Config.Transport == TransportKind.Simulator
            ? ports.SimulatedClock(request.Config.Simulator.TimeScale, new ExecutionService(ports.Ports).ResumePoint(request))
            : ports.Ports.Time;
        return request.Approval is null ? RunOnAsync(request, clock, control, warn) : ApproveAsync(request, options, clock, control, warn);
    }

    /// <summary><c>cdt approve</c>: the run goes on exactly as a resume; a scheduled run's state then takes its outcome.</summary>
    private async Task<ExecuteVerdict> ApproveAsync(ExecuteRequest request, ExecuteOptions options, TimeProvider clock, RunControl control, Action<string> warn)
    {
        var verdict = await RunOnAsync(request, clock, control, warn);
        if (verdict is ExecuteVerdict.Ran ran)
        {
            await ScheduledApprovals.RecordAsync(ports.Ports, options.StateDir, request.Config.Schedules, ran.Outcome, warn, control.Hard);
        }

        return verdict;
    }

    /// <summary>The run itself on <paramref name="clock"/>, without the checks (the demo and prepare bring their own); a list another run holds is refused.</summary>
    public async Task<ExecuteVerdict> RunOnAsync(ExecuteRequest request, TimeProvider clock, RunControl control, Action<string> warn)
    {
        var observers = ports.Observers(clock);
        try
        {
            var service = new ExecutionService(ports.OnClock(clock));
            return new ExecuteVerdict.Ran(await service.RunAsync(request, control, observers, warn));
        }
        catch (LockHeldException e)
        {
            return new ExecuteVerdict.Refused([e.Message]);
        }
        finally
        {
            // However the run ended (finished, stopped at once, broken), a live display stops drawing
            // before the command prints its verdict.
            foreach (var observer in observers.OfType<IAsyncDisposable>())
            {
                await observer.DisposeAsync();
            }
        }
    }
}
