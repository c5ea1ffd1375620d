using Cdt.Mail;
using Cdt.Config;
using Cdt.Execution;

namespace Cdt.Plans.Steps;

/// <summary>What the engine needs to run a plan (Advanced mode): its steps and the package cluster checks look for.</summary>
public static class PlanExecution
{
    public static IReadOnlyList<ITargetStep> Steps(Plan plan, CdtConfig config, Mail.IMailSender? sendMail) =>
        [.. plan.Settings.UpdateCpuse ? [new AgentStep(config.CpuseAgent)] : Array.Empty<ITargetStep>(), .. PlanActionRunners.Steps(plan, sendMail)];

    /// <summary>cdt.conf as the run sees it: the plan's connectivity_upgrade decides Multi-Version Cluster upgrades, as in CDT.</summary>
    public static CdtConfig ConfigFor(Plan plan, CdtConfig config) => config with { ConnectivityUpgrade = plan.Settings.ConnectivityUpgrade };

    /// <summary>Said once before a run, so nobody wonders why the agent stayed as it was.</summary>
    public static string? Warning(Plan plan, CdtConfig config) =>
        plan.Settings.UpdateCpuse && config.CpuseAgent is null
            ? $"{plan.Path} says update_cpuse: true, but cdt.conf names no cpuse_agent package: the CPUSE agent is left as it is on every target"
            : null;
}
