using Cdt.Gaia;
using Cdt.Transport;

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

    public async Task<StepResult> RunAsync(TargetContext c, CancellationToken ct)
    {
        var name = c.CpuseName ?? c.Run.Package!.Name;
        var status = await c.Driver.PackageStatusAsync(c.Remote, name, ct);
        if (status.TransportFailed)
        {
            var back = await RebootWaiter.WaitUntilBackAsync(c, c.Run.Time.GetUtcNow(), ct);
            if (back.Status != StepStatus.Ok)
            {
                return back;
            }

            status = await c.Driver.PackageStatusAsync(c.Remote, name, ct);
        }

        if (IsRemoving(status.Value))
        {
            return await FollowAsync(c, name, "a removal from an earlier attempt was still running", ct);
        }

        if (!IsInstalled(status.Value))
        {
            return StepResult.Skipped("not installed: nothing to remove");
        }

        var started = c.Run.Time.GetUtcNow();
        var result = await c.RunAsync(GaiaCommands.Uninstall(c.Remote, name), c.Run.Settings.InstallTimeout, ct);
        if (result.Succeeded)
        {
            var back = await RebootWaiter.WaitUntilBackAsync(c, c.Run.Time.GetUtcNow(), ct);
            return back.Status == StepStatus.Ok
                ? StepResult.Ok($"removed in {Files.DurationText.Format(Round(c.Run.Time.GetUtcNow() - started))}, gateway {back.Message}")
                : back;
        }

        if (result.Answered)
        {
            return StepResult.Failed("installer uninstall: " + ImportPackageStep.ResultLine(result));
        }

        return result.Error is TransportError.Dropped or TransportError.Timeout
            ? await FollowAsync(c, name, $"the connection {CommandResult.ErrorText(result.Error)} during the removal", ct)
            : StepResult.Failed(result.Describe());
    }

    /// <summary>A removal runs on the gateway without us watching: poll until it ends, wait for the reboot, check.</summary>
    private static async Task<StepResult> FollowAsync(TargetContext c, string name, string why, CancellationToken ct)
    {
        var s = c.Run.Settings;
        var since = c.Run.Time.GetUtcNow();
        c.Log(why + ": following the removal");
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

            if (!IsRemoving(status.Value))
            {
                return IsInstalled(status.Value)
                    ? StepResult.Failed($"{why}; the package is still installed")
                    : StepResult.Ok($"removed ({why}; confirmed after reconnecting)");
            }

            if (c.Run.Time.GetUtcNow() - since > s.InstallTimeout)
            {
                return StepResult.Failed($"{why}; still removing after {Files.DurationText.Format(s.InstallTimeout)}");
            }

            await c.Run.Delay(s.PollInterval, ct);
        }
    }

    private static bool IsInstalled(string? status) => status is not null && status.StartsWith("Installed", StringComparison.OrdinalIgnoreCase);

    private static bool IsRemoving(string? status) => status is not null && status.StartsWith("Uninstalling", StringComparison.OrdinalIgnoreCase);

    private static TimeSpan Round(TimeSpan t) => TimeSpan.FromSeconds(Math.Round(t.TotalSeconds));
}
