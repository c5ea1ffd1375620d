using Cdt.Config;

namespace Cdt.Execution.Steps;

/// <summary>
/// Basic mode's steps, from cdt.conf: check, pre-script, send, import, verify, install (and reboot),
/// confirm, post-script; with <c>--uninstall</c>: check, pre-script, uninstall (and reboot), confirm, post-script.
/// </summary>
public static class BasicPlan
{
    public static IReadOnlyList<ITargetStep> Build(CdtConfig config, bool uninstall = false)
    {
        var steps = new List<ITargetStep> { uninstall ? CheckStep.BeforeRemoval : CheckStep.BeforeInstall };
        if (config.PreScript is { } pre)
        {
            steps.Add(new ScriptStep("pre_script", pre));
        }

        if (uninstall)
        {
            steps.Add(new UninstallPackageStep());
            steps.Add(new ConfirmRemovedStep());
        }
        else
        {
            steps.Add(new SendPackageStep());
            steps.Add(new ImportPackageStep());
            steps.Add(new VerifyPackageStep());
            steps.Add(new InstallPackageStep());
            steps.Add(new ConfirmInstalledStep());
        }

        if (config.PostScript is { } post)
        {
            steps.Add(new ScriptStep("post_script", post));
        }

        return steps;
    }
}
