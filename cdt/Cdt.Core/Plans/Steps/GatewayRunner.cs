using System.Globalization;
using Cdt.Execution;
using Cdt.Execution.Steps;
using Cdt.Diagnostics;
using Cdt.Formats;
using Cdt.Yaml;
using Cdt.Gaia;
using Cdt.Transport;

namespace Cdt.Plans.Steps;

/// <summary>The actions that run commands on the gateway: snapshot, uninstall, command, reboot, wait_for.</summary>
public static class GatewayRunner
{
    public static async Task<StepResult> SnapshotAsync(TargetContext c, CreateSnapshotAction a, CancellationToken ct)
    {
        var result = await c.RunAsync(GaiaCommands.Snapshot(c.Remote, a.SnapshotName, a.Description ?? a.SnapshotName), a.EffectiveTimeout, ct);
        return result.Succeeded ? StepResult.Ok($"snapshot '{a.SnapshotName}' created") : StepResult.Failed("add snapshot: " + result.Describe());
    }

    /// <summary>Not installed: nothing to do. Else uninstall, wait for the reboot, and make sure it is gone.</summary>
    public static async Task<StepResult> UninstallAsync(TargetContext c, UninstallPackageAction a, CancellationToken ct)
    {
        var installed = await c.Driver.PackagesAsync(c.Remote, PackageListing.Installed, ct);
        if (!installed.Ok)
        {
            return StepResult.Failed(installed.Error!);
        }

        var found = PackageListParser.Find(installed.Value!, a.PackageName, a.PackageName) ?? await ByFileNameAsync(c, a.PackageName, ct);
        if (found is null)
        {
            return StepResult.Skipped($"'{a.PackageName}' is not installed: nothing to do");
        }

        var started = c.Run.Time.GetUtcNow();
        var result = await c.RunAsync(GaiaCommands.Uninstall(c.Remote, found.Name), a.EffectiveTimeout, ct);
        if (result.Answered && !result.Succeeded)
        {
            return StepResult.Failed("installer uninstall: " + ImportPackageStep.ResultLine(result));
        }

        if (!result.Answered && result.Error is not (TransportError.Dropped or TransportError.Timeout))
        {
            return StepResult.Failed(result.Describe());
        }

        var back = await RebootWaiter.WaitUntilBackAsync(c, result.Answered ? c.Run.Time.GetUtcNow() : started, ct);
        if (back.Status != StepStatus.Ok)
        {
            return back;
        }

        var after = await c.Driver.PackagesAsync(c.Remote, PackageListing.Installed, ct);
        if (!after.Ok)
        {
            return StepResult.Failed(after.Error!);
        }

        return PackageListParser.Find(after.Value!, found.Name, a.PackageName) is null
            ? StepResult.Ok($"'{found.Name}' uninstalled, gateway {back.Message}")
            : StepResult.Failed($"'{found.Name}' still shows as installed after the uninstall and reboot");
    }

    /// <summary>A package named by its file (CDT XML's uninstall does): CPUSE tells its display name and status.</summary>
    private static async Task<InstallerPackage?> ByFileNameAsync(TargetContext c, string fileName, CancellationToken ct)
    {
        var answer = await c.Driver.RunAsync(c.Remote, GaiaCommands.ShowPackage(c.Remote, fileName), ct);
        var detail = answer.Succeeded ? PackageDetailParser.Parse(answer.Stdout) : Parsed<PackageDetailParser.Detail>.Failure(answer.Describe());
        return detail.Ok && detail.Value!.Status.StartsWith("Installed", StringComparison.OrdinalIgnoreCase)
            ? new InstallerPackage(detail.Value.DisplayName, null, detail.Value.Status)
            : null;
    }

    public static async Task<StepResult> CommandAsync(TargetContext c, ExecuteCommandAction a, CancellationToken ct)
    {
        if (c.Remote.Shell == Fleet.LoginShell.Clish)
        {
            return StepResult.Failed("execute_command runs in Expert mode (bash); this gateway logs in to Clish");
        }

        var result = await c.RunAsync(GaiaCommands.UserCommand(c.Remote, a.Command), a.EffectiveTimeout, ct);
        return result.Succeeded ? StepResult.Ok("exit 0" + FirstLine(result.Stdout)) : StepResult.Failed(result.Describe());
    }

    public static async Task<StepResult> RebootAsync(TargetContext c, CancellationToken ct)
    {
        var started = c.Run.Time.GetUtcNow();
        var result = await c.RunAsync(GaiaCommands.Reboot(c.Remote), c.Run.Settings.CommandTimeout, ct);
        if (result.Answered && !result.Succeeded)
        {
            return StepResult.Failed("reboot: " + result.Describe());
        }

        var back = await RebootWaiter.WaitUntilBackAsync(c, started, ct);
        return back.Status == StepStatus.Ok ? StepResult.Ok("rebooted, " + back.Message) : back;
    }

    /// <summary>Runs the command every interval until the answer means healthy; the action's time-out ends the wait.</summary>
    public static async Task<StepResult> WaitForAsync(TargetContext c, WaitForAction a, CancellationToken ct)
    {
        if (c.Remote.Shell == Fleet.LoginShell.Clish)
        {
            return StepResult.Failed("wait_for runs its command in Expert mode (bash); this gateway logs in to Clish");
        }

        var started = c.Run.Time.GetUtcNow();
        var command = GaiaCommands.UserCommand(c.Remote, a.Command);
        var polls = 0;
        while (true)
        {
            polls++;
            var result = await c.Driver.RunAsync(c.Remote, command, c.Run.Settings.CommandTimeout, ct);
            if (Healthy(a, result))
            {
                var waited = DurationText.Format(TimeSpan.FromSeconds(Math.Round((c.Run.Time.GetUtcNow() - started).TotalSeconds)));
                return StepResult.Ok(string.Create(CultureInfo.InvariantCulture, $"healthy after {waited} ({polls} check(s))"));
            }

            if (c.Run.Time.GetUtcNow() - started + a.Interval >= a.EffectiveTimeout)
            {
                return StepResult.Failed(string.Create(CultureInfo.InvariantCulture, $"not healthy within {DurationText.Format(a.EffectiveTimeout)} ({polls} check(s); last answer: {result.Describe()})"));
            }

            c.Log($"$ {command}\n  -> not healthy yet: {result.Describe()}");
            await c.Run.Delay(a.Interval, ct);
        }
    }

    private static bool Healthy(WaitForAction a, CommandResult r) =>
        r.Answered
        && (a.ExpectedExitCode is not { } code || r.ExitCode == code)
        && (a.Output is not { } text || r.Stdout.Contains(text, StringComparison.Ordinal) || r.Stderr.Contains(text, StringComparison.Ordinal));

    private static string FirstLine(string text)
    {
        var line = text.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0);
        return line is null ? string.Empty : ": " + (line.Length > 120 ? line[..120] + "..." : line);
    }
}
