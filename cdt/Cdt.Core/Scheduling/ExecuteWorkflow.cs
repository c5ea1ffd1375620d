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

        // The simulated fleet lives on simulated time: a night's run takes seconds.
        var clock = request.Config.Transport == TransportKind.Simulator
            ? ports.SimulatedClock(request.Config.Simulator.TimeScale)
            : ports.Ports.Time;
        return RunOnAsync(request, clock, control, warn);
    }

    /// <summary>The run itself on <paramref name="clock"/>, without the checks (the demo and prepare bring their own); a list another run holds is refused.</summary>
    public async Task<ExecuteVerdict> RunOnAsync(ExecuteRequest request, TimeProvider clock, RunControl control, Action<string> warn)
    {
        try
        {
            var service = new ExecutionService(ports.OnClock(clock));
            return new ExecuteVerdict.Ran(await service.RunAsync(request, control, ports.Observers(clock), warn));
        }
        catch (LockHeldException e)
        {
            return new ExecuteVerdict.Refused([e.Message]);
        }
    }
}
