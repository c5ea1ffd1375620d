using Cdt.Mail;
using Cdt.Execution;

namespace Cdt.Plans.Steps;

/// <summary>Turns a plan into the engine's steps: one step per action, in order, with the right work.</summary>
public static class PlanActionRunners
{
    /// <summary>
    /// One step per action; an install or upgrade is two: its preparation (send, import, verify)
    /// and the install itself, which a Security Group replaces by its group install.
    /// </summary>
    public static IReadOnlyList<ITargetStep> Steps(Plan plan, Mail.IMailSender? sendMail) =>
        [.. plan.Actions.SelectMany((a, i) => a is InstallPackageAction or UpgradePackageAction
            ? new[] { new PlanActionStep(i + 1, a, (c, ct) => PackageRunner.PrepareInstallAsync(c, (PackageAction)a, ct), "prepare"), Step(i + 1, a, sendMail) }
            : [Step(i + 1, a, sendMail)])];

    public static ITargetStep Step(int number, PlanAction action, Mail.IMailSender? sendMail) => action switch
    {
        InstallPackageAction or UpgradePackageAction => new PlanSummaryStep(number, action, (c, ct) => PackageRunner.InstallAsync(c, (PackageAction)action, ct)),
        UninstallPackageAction u => new PlanActionStep(number, action, (c, ct) => GatewayRunner.UninstallAsync(c, u, ct)),
        SendPackageAction p => new PlanActionStep(number, action, (c, ct) => PackageRunner.SendAsync(c, p, ct)),
        ImportPackageAction p => new PlanActionStep(number, action, (c, ct) => PackageRunner.ImportAsync(c, p, ct)),
        VerifyPackageAction p => new PlanActionStep(number, action, (c, ct) => PackageRunner.VerifyAsync(c, p, ct)),
        DownloadFromCloudAction p => new PlanActionStep(number, action, (c, ct) => PackageRunner.DownloadAsync(c, p, ct)),
        CreateSnapshotAction s => new PlanActionStep(number, action, (c, ct) => GatewayRunner.SnapshotAsync(c, s, ct)),
        ExecuteCommandAction x => new PlanActionStep(number, action, (c, ct) => GatewayRunner.CommandAsync(c, x, ct)),
        ExecuteScriptAction x => new PlanActionStep(number, action, (c, ct) => FileRunner.ScriptAsync(c, x, ct)),
        PushFileAction x => new PlanActionStep(number, action, (c, ct) => FileRunner.PushAsync(c, x, ct)),
        PullFileAction x => new PlanActionStep(number, action, (c, ct) => FileRunner.PullAsync(c, x, ct)),
        RebootAction => new PlanActionStep(number, action, GatewayRunner.RebootAsync),
        WaitForAction w => new PlanActionStep(number, action, (c, ct) => GatewayRunner.WaitForAsync(c, w, ct)),
        LogAction l => new PlanActionStep(number, action, (c, _) => NoticeRunner.LogAsync(c, l)),
        SendEmailAction m => new PlanActionStep(number, action, (c, ct) => NoticeRunner.MailAsync(c, m, sendMail, ct)),
        _ => throw new ArgumentOutOfRangeException(nameof(action), action.ActionName, "no runner for this action"),
    };

    /// <summary>
    /// What "the package is there" means for cluster checks during a plan run: the first package the
    /// plan installs or upgrades; a plan that installs none (an uninstall) counts a member done when its plan succeeded.
    /// </summary>
    public static Config.PackageSpec? InstalledPackage(Plan plan) =>
        plan.Actions.OfType<PackageAction>().FirstOrDefault(a => a is InstallPackageAction or UpgradePackageAction)?.ToSpec();
}
