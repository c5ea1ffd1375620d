namespace Cdt.Execution.Steps;

/// <summary>
/// After the reboot: the package must show in <c>show installer packages installed</c> (an upgrade:
/// in the version), as the gateway's first answer after the reboot shows it.
/// </summary>
public sealed class ConfirmInstalledStep : ITargetStep
{
    public string Name => "confirm";

    public bool Critical => true;

    public bool RunOnce => false;

    public async Task<StepResult> RunAsync(TargetContext c, CancellationToken ct)
    {
        var seen = c.AfterReboot;
        c.AfterReboot = null;
        var presence = seen is not null ? PackagePresence.From(seen, c.Run.Package!) : await PackagePresence.CheckAsync(c.Driver, c.Remote, c.Run.Package!, ct);
        if (presence.Error is not null)
        {
            return StepResult.Failed(presence.Error);
        }

        return presence.InPlace
            ? StepResult.Ok(c.Run.Package!.Kind == Config.PackageKind.Upgrade ? "runs " + c.Run.Package.TargetVersion : "shows as installed")
            : StepResult.Failed(c.Run.Package!.Kind == Config.PackageKind.Upgrade
                ? $"the gateway does not run {c.Run.Package.TargetVersion} after the upgrade and reboot"
                : "the package does not show as installed after the install and reboot");
    }
}
