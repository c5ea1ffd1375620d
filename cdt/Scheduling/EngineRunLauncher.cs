using Cdt.Config;
using Cdt.Execution;
using Cdt.Execution.Choreography;
using Cdt.Execution.Steps;
using Cdt.Files;
using Cdt.Transport;
using Microsoft.Extensions.Logging;

namespace Cdt.Scheduling;

/// <summary>
/// Starts a scheduled run on the execute engine: the schedule's list and package, the window's
/// end as the deadline, its max_nodes_per_cluster, resume when the window's earlier run was
/// interrupted. Stopping the scheduler is a soft stop: running targets finish, nothing new starts.
/// </summary>
public sealed class EngineRunLauncher : IScheduledRunLauncher
{
    private readonly CdtConfig _config;
    private readonly Func<TimeProvider> _runClock;
    private readonly int _pid;
    private readonly IReadOnlyList<IRunObserver> _observers;
    private readonly ILogger _log;

    /// <param name="runClock">The clock of each run (a fresh simulated one per run with the simulator).</param>
    public EngineRunLauncher(CdtConfig config, Func<TimeProvider> runClock, int pid, IReadOnlyList<IRunObserver> observers, ILogger log)
    {
        _config = config;
        _runClock = runClock;
        _pid = pid;
        _observers = observers;
        _log = log;
    }

    public async Task<ScheduledRunOutcome> RunAsync(ScheduledRunRequest request, CancellationToken ct)
    {
        var s = request.Schedule;
        if (s.Plan is not null)
        {
            throw new CdtInputException(_config.Source, s.Line, null, $"schedule '{s.Name}': executing deployment plans (Advanced mode) is not available in this build: give the schedule a 'package'");
        }

        var config = _config with { Package = s.Package, Execute = _config.Execute with { MaxNodesPerCluster = s.MaxNodesPerCluster ?? _config.Execute.MaxNodesPerCluster } };
        var execute = new ExecuteRequest
        {
            Config = config,
            ListPath = s.Candidates,
            Steps = BasicPlan.Build(config),
            Package = s.Package,
            Deadline = request.Window.Deadline,
            Resume = request.Resume,
            LogConfig = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(_config.Source)) ?? ".", "config", "NLog.config"),
        };

        using var control = new RunControl();
        using var stop = ct.Register(control.RequestStop);
        var time = _runClock();
        var service = new ExecutionService(inventory => RemoteShellFactory.Create(config, inventory, time), time, new ChoreographyRegistry(), _pid);
        try
        {
            var outcome = await service.RunAsync(execute, control, _observers, w => _log.LogWarning("Schedule {Schedule}: {Warning}", s.Name, w));
            var r = outcome.Result;
            return new ScheduledRunOutcome
            {
                Outcome = r.Stop switch
                {
                    RunStop.Deadline => RunOutcome.StoppedByDeadline,
                    RunStop.Threshold => RunOutcome.StoppedByThreshold,
                    RunStop.Cancelled => RunOutcome.Cancelled,
                    _ => r.Failed > 0 ? RunOutcome.SomeFailed : RunOutcome.Succeeded,
                },
                Installed = r.Succeeded,
                Failed = r.Failed,
                Pending = r.NotStarted,
                Message = r.StopMessage ?? string.Empty,
                ReportPath = outcome.RunFolder,
            };
        }
        catch (LockHeldException e)
        {
            return new ScheduledRunOutcome { Outcome = RunOutcome.ListBusy, Message = e.Message };
        }
    }
}
