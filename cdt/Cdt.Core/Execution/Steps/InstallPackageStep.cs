using Cdt.Gaia;

namespace Cdt.Execution.Steps;

/// <summary>
/// Installs the package not-interactively and waits for the reboot. Looks first: a package already
/// installed, or an install still running from an interrupted attempt, is never installed twice.
/// A connection dropped in the middle is not a failure by itself: cdt reconnects and asks.
/// </summary>
public sealed class InstallPackageStep : ISummaryStep
{
    public string Name => "install";

    public bool Critical => true;

    public bool RunOnce => false;

    public bool MayReboot => true;

    public async Task<StepResult> RunAsync(TargetContext c, CancellationToken ct)
    {
        if (c.AlreadyInstalled)
        {
            return StepResult.Skipped("already installed");
        }

        var name = c.CpuseName ?? c.Run.Package!.Name;
        var (status, failure) = await PackageOperation.StatusAsync(c, name, ct);
        if (failure is not null)
        {
            return failure;
        }

        if (PackageOperation.Is(status!.Value, "Installed"))
        {
            return StepResult.Ok("installed (found installed when cdt looked)");
        }

        if (PackageOperation.Is(status.Value, "Installing"))
        {
            return await FollowAsync(c, name, "an install from an earlier attempt was still running", ct);
        }

        var command = c.Run.Package!.Kind == Config.PackageKind.Upgrade ? GaiaCommands.Upgrade(c.Remote, name) : GaiaCommands.Install(c.Remote, name);
        return await PackageOperation.RunAsync(c, command, "install", "install", "installed", why => FollowAsync(c, name, why, ct), ct);
    }

    /// <summary>An install runs on the gateway without us watching: poll until it ends, wait for the reboot, check.</summary>
    private static Task<StepResult> FollowAsync(TargetContext c, string name, string why, CancellationToken ct) =>
        PackageOperation.FollowAsync(c, name, why, "install", "Installing", "installing", status => PackageOperation.Is(status.Value, "Installed")
            ? StepResult.Ok($"installed ({why}; confirmed after reconnecting)")
            : StepResult.Failed($"{why}; the package is now '{status.Value ?? status.Error}', not installed"), ct);
}
