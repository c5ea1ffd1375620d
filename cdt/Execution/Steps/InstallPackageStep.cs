using Cdt.Gaia;
using Cdt.Transport;

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

    public async Task<StepResult> RunAsync(TargetContext c, CancellationToken ct)
    {
        if (c.AlreadyInstalled)
        {
            return StepResult.Skipped("already installed");
        }

        var name = c.CpuseName ?? c.Run.Package!.Name;
        var status = await c.Driver.PackageStatusAsync(c.Remote, name, ct);
        if (status.TransportFailed)
        {
            // Rebooting after an install from an earlier, interrupted attempt.
            var back = await RebootWaiter.WaitUntilBackAsync(c, c.Run.Time.GetUtcNow(), ct);
            if (back.Status != StepStatus.Ok)
            {
                return back;
            }

            status = await c.Driver.PackageStatusAsync(c.Remote, name, ct);
        }

        if (IsInstalled(status.Value))
        {
            return StepResult.Ok("installed (found installed when cdt looked)");
        }

        if (IsRunning(status.Value))
        {
            return await FollowRunningInstallAsync(c, name, "an install from an earlier attempt was still running", ct);
        }

        var started = c.Run.Time.GetUtcNow();
        var command = c.Run.Package!.Kind == Config.PackageKind.Upgrade ? GaiaCommands.Upgrade(c.Remote, name) : GaiaCommands.Install(c.Remote, name);
        var result = await c.RunAsync(command, c.Run.Settings.InstallTimeout, ct);
        if (result.Succeeded)
        {
            var back = await RebootWaiter.WaitUntilBackAsync(c, c.Run.Time.GetUtcNow(), ct);
            return back.Status == StepStatus.Ok
                ? StepResult.Ok($"installed in {Files.DurationText.Format(Round(c.Run.Time.GetUtcNow() - started))}, gateway {back.Message}")
                : back;
        }

        if (result.Answered)
        {
            return StepResult.Failed("installer install: " + ImportPackageStep.ResultLine(result));
        }

        if (result.Error is TransportError.Dropped or TransportError.Timeout)
        {
            return await FollowRunningInstallAsync(c, name, $"the connection {CommandResult.ErrorText(result.Error)} during the install", ct);
        }

        return StepResult.Failed(result.Describe());
    }

    /// <summary>An install runs on the gateway without us watching: poll until it ends, wait for the reboot, check.</summary>
    private static async Task<StepResult> FollowRunningInstallAsync(TargetContext c, string name, string why, CancellationToken ct)
    {
        var s = c.Run.Settings;
        var since = c.Run.Time.GetUtcNow();
        c.Log(why + ": following the install");
        while (true)
        {
            var status = await c.Driver.PackageStatusAsync(c.Remote, name, ct);
            if (status.TransportFailed)
            {
                var back = await RebootWaiter.WaitUntilBackAsync(c, c.Run.Time.GetUtcNow(), ct);
                if (back.Status != StepStatus.Ok)
                {
                    return StepResult.Failed(why + "; then " + back.Message);
                }

                status = await c.Driver.PackageStatusAsync(c.Remote, name, ct);
            }

            if (IsInstalled(status.Value))
            {
                return StepResult.Ok($"installed ({why}; confirmed after reconnecting)");
            }

            if (!IsRunning(status.Value))
            {
                return StepResult.Failed($"{why}; the package is now '{status.Value ?? status.Error}', not installed");
            }

            if (c.Run.Time.GetUtcNow() - since > s.InstallTimeout)
            {
                return StepResult.Failed($"{why}; still installing after {Files.DurationText.Format(s.InstallTimeout)}");
            }

            await c.Run.Delay(s.PollInterval, ct);
        }
    }

    private static bool IsInstalled(string? status) => status is not null && status.StartsWith("Installed", StringComparison.OrdinalIgnoreCase);

    private static bool IsRunning(string? status) => status is not null && status.StartsWith("Installing", StringComparison.OrdinalIgnoreCase);

    private static TimeSpan Round(TimeSpan t) => TimeSpan.FromSeconds(Math.Round(t.TotalSeconds));
}
