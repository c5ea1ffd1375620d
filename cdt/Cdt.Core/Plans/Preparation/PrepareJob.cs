using Cdt.Mail;
using Cdt.Config;
using Cdt.Execution;
using Cdt.Execution.Choreography;

using Cdt.Storage;

namespace Cdt.Plans.Preparation;

/// <summary>
/// Everything a <c>cdt prepare</c> run needs: the request for the engine (its own run folders under
/// <c>logs/preparations/</c>, no deadline, no stop after failures), the choreography that never
/// fails over, and the observer that keeps <c>LIST.prepared.json</c>.
/// </summary>
public sealed record PrepareJob(CdtConfig Config, ExecuteRequest Request, ChoreographyRegistry Choreographies, PreparationRecorder Recorder)
{
    public const string FolderName = "preparations";

    public static PrepareJob Create(IFileStore files, CdtConfig config, Plan? plan, string listPath, bool extended, string? logConfig, Action<string> warn)
    {
        var mode = plan is null ? "basic" : "advanced";
        var scripts = PreScripts.Identities(files, config, plan);
        var earlier = PreparationStore.Load(files, listPath, warn);
        var start = new PreparationRecord
        {
            List = listPath,
            Mode = mode,
            Plan = plan?.Path,
            Extended = extended,
            Scripts = scripts,
            Targets = earlier is not null && earlier.Matches(mode, scripts) ? earlier.Targets : new Dictionary<string, PreparedTarget>(),
        };

        // Preparations change nothing that carries traffic: no deadline, and a failure never holds back the next batch.
        var prepared = config with
        {
            Execute = config.Execute with
            {
                Deadline = null,
                ContinueAfterFailedBatch = true,
                StopAfterFailures = null,
                BatchStopAfterFailures = null,
                LogsDir = Path.Combine(config.Execute.LogsDir, FolderName),
            },
        };
        var request = new ExecuteRequest
        {
            Config = prepared,
            ListPath = listPath,
            Steps = SkipIfPreparedStep.Wrap(PreparationSteps.Build(config, plan, extended), start, mode, scripts),
            Package = plan is null ? config.Package : null,
            PlanPath = plan?.Path,
            LogConfig = logConfig,
        };
        return new PrepareJob(prepared, request, PrepareChoreography.Registry(), new PreparationRecorder(files, listPath, start));
    }

    /// <summary>
    /// The steps of an execute: Basic mode's (cdt.conf) or the plan's, less the pre-scripts that
    /// <c>cdt prepare</c> already ran on a target (only while the scripts are unchanged).
    /// </summary>
    public static IReadOnlyList<ITargetStep> ExecuteSteps(IFileStore files, CdtConfig config, Plan? plan, string listPath, Mail.IMailSender? sendMail, Action<string> warn)
    {
        var steps = plan is null ? Execution.Steps.BasicPlan.Build(config) : Steps.PlanExecution.Steps(plan, config, sendMail);
        return SkipIfPreparedStep.Wrap(steps, PreparationStore.Load(files, listPath, warn), plan is null ? "basic" : "advanced", PreScripts.Identities(files, config, plan));
    }
}
