using Cdt.Mail;
using Cdt.Config;
using Cdt.Execution;
using Cdt.Diagnostics;
using Cdt.Formats;
using Cdt.Yaml;
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
    private readonly Func<ExecutionPorts> _runPorts;
    private readonly IReadOnlyList<IRunObserver> _observers;
    private readonly ILogger _log;
    private readonly IMailSender? _mail;

    /// <param name="runPorts">The ports of each run (with the simulator, a fresh simulated clock per run).</param>
    /// <param name="mail">For a plan's send_email actions (the smtp relay of cdt.conf), if any.</param>
    public EngineRunLauncher(CdtConfig config, Func<ExecutionPorts> runPorts, IReadOnlyList<IRunObserver> observers, ILogger log, IMailSender? mail = null)
    {
        _config = config;
        _runPorts = runPorts;
        _observers = observers;
        _log = log;
        _mail = mail;
    }

    public async Task<ScheduledRunOutcome> RunAsync(ScheduledRunRequest request, CancellationToken ct)
    {
        var s = request.Schedule;
        var ports = _runPorts();
        var plan = s.Plan is null ? null : Plans.RunSetup.Load(ports.Files, s.Plan);
        var config = _config with { Package = s.Package, Execute = _config.Execute with { MaxNodesPerCluster = s.MaxNodesPerCluster ?? _config.Execute.MaxNodesPerCluster } };
        var (setup, choreographies) = Plans.RunSetup.For(ports.Files, config, plan, s.Plan, s.Candidates, _mail, w => _log.LogWarning("Schedule {Schedule}: {Warning}", s.Name, w));
        var execute = setup with { Deadline = request.Window.Deadline, Resume = request.Resume };

        using var control = new RunControl();
        using var stop = ct.Register(control.RequestStop);
        var service = new ExecutionService(ports with { Choreographies = choreographies });
        try
        {
            var outcome = await service.RunAsync(execute, control, _observers, w => _log.LogWarning("Schedule {Schedule}: {Warning}", s.Name, w));
            var r = outcome.Run;
            return new ScheduledRunOutcome
            {
                Outcome = r.Stop switch
                {
                    RunStop.Deadline => RunOutcome.StoppedByDeadline,
                    RunStop.Threshold => RunOutcome.StoppedByThreshold,
                    RunStop.Cancelled => RunOutcome.Cancelled,
                    RunStop.Failure => RunOutcome.Error,
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
