using Cdt.Mail;
using Cdt.Config;
using Cdt.Execution;
using Cdt.Execution.Choreography;
using Cdt.Plans.Preparation;
using Cdt.Plans.Steps;

using Cdt.Storage;

namespace Cdt.Plans;

/// <summary>
/// What an execute runs, in Basic mode (no plan: cdt.conf's package and scripts) or Advanced mode
/// (the plan's actions): the request's steps, package and configuration, and the choreographies
/// (a plan that could take every member of a Security Group down is refused there). One place for
/// <c>cdt execute</c> and scheduled runs.
/// </summary>
public static class RunSetup
{
    public static (ExecuteRequest Request, ChoreographyRegistry Choreographies) For(
        IFileStore files, CdtConfig config, Plan? plan, string? planPath, string listPath, IMailSender? mail, Action<string> warn)
    {
        if (plan is not null && PlanExecution.Warning(plan, config) is { } warning)
        {
            warn(warning);
        }

        var request = new ExecuteRequest
        {
            Config = plan is null ? config : PlanExecution.ConfigFor(plan, config),
            ListPath = listPath,
            Steps = PrepareJob.ExecuteSteps(files, config, plan, listPath, mail, warn),
            Package = plan is null ? config.Package : PlanActionRunners.InstalledPackage(plan),
            PlanPath = planPath,
            PlanRemovesPackage = plan is { FirstPackageAction: null, FirstUninstallAction: not null },
            LogConfig = LogConfigFor(config),
        };
        return (request, plan is null ? new ChoreographyRegistry() : SecurityGroupGuard.Registry(plan));
    }

    /// <summary>config/NLog.config beside cdt.conf, when there is one.</summary>
    public static string LogConfigFor(CdtConfig config) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(config.Source)) ?? ".", "config", "NLog.config");

    /// <summary>Reads and checks a plan: every problem at once, as bad input.</summary>
    public static Plan Load(IFileStore files, string planPath)
    {
        var plan = PlanLoader.Load(files, planPath);
        var problems = PlanChecker.Check(files, plan);
        return problems.Count == 0 ? plan : throw new Diagnostics.CdtInputException(problems);
    }
}
