using Cdt.Gaia;

namespace Cdt.Execution.Steps;

/// <summary>
/// <c>--uninstall</c>: removes the package not-interactively and waits for the reboot. Looks first:
/// a package that is not installed (any more) is not removed again; a removal still running from an
/// interrupted attempt is followed, not started twice.
/// </summary>
public sealed class UninstallPackageStep : ISummaryStep
{
    public string Name => "uninstall";

    public bool Critical => true;

    public bool RunOnce => false;

    public bool MayReboot => true;

    public async Task<StepResult> RunAsync(TargetContext c, CancellationToken ct)
    {
        var name = c.CpuseName ?? c.Run.Package!.Name;
        var (status, failure) = await PackageOperation.StatusAsync(c, name, ct);
        if (failure is not null)
        {
            return failure;
        }

        if (PackageOperation.Is(status!.Value, "Uninstalling"))
        {
            return await FollowAsync(c, name, "a removal from an earlier attempt was still running", ct);
        }

        if (!PackageOperation.Is(status.Value, "Installed"))
        {
            return StepResult.Skipped("not installed: nothing to remove");
        }

        return await PackageOperation.RunAsync(c, GaiaCommands.Uninstall(c.Remote, name), "uninstall", "removal", "removed", why => FollowAsync(c, name, why, ct), ct);
    }

    /// <summary>A removal runs on the gateway without us watching: poll until it ends, wait for the reboot, check.</summary>
    private static Task<StepResult> FollowAsync(TargetContext c, string name, string why, CancellationToken ct) =>
        PackageOperation.FollowAsync(c, name, why, "removal", "Uninstalling", "removing", status => PackageOperation.Is(status.Value, "Installed")
            ? StepResult.Failed($"{why}; the package is still installed")
            : StepResult.Ok($"removed ({why}; confirmed after reconnecting)"), ct);
}
