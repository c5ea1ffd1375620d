using System.Globalization;
using Cdt.Config;
using Cdt.Gaia;

namespace Cdt.Execution.Steps;

/// <summary>
/// A user script (pre- or post-installation): sent to the gateway and run there. Exit 0: go on;
/// 222: reboot the gateway, wait for it, go on; anything else: failure (stops the target when blocking).
/// </summary>
public sealed class ScriptStep : ITargetStep
{
    public const int RebootExitCode = 222;
    private readonly ScriptSpec _script;

    public ScriptStep(string name, ScriptSpec script)
    {
        Name = name;
        _script = script;
    }

    public string Name { get; }

    public bool Critical => _script.Blocking;

    public bool RunOnce => true;

    public bool MayReboot => true;

    public async Task<StepResult> RunAsync(TargetContext c, CancellationToken ct)
    {
        if (c.AlreadyInstalled)
        {
            return StepResult.Skipped("package already installed");
        }

        return await RunScriptAsync(c, _script.Path, _script.Arguments, c.Run.Settings.InstallTimeout, ct);
    }

    /// <summary>Sends and runs a local script; shared with plan actions.</summary>
    public static async Task<StepResult> RunScriptAsync(TargetContext c, string localPath, IReadOnlyList<string> arguments, TimeSpan timeout, CancellationToken ct)
    {
        if (c.Remote.Shell == Fleet.LoginShell.Clish)
        {
            return StepResult.Failed("scripts need an Expert (bash) login shell; this gateway logs in to Clish");
        }

        // A script may change anything the check saw: the package steps ask again.
        c.Survey = null;
        var remote = GaiaCommands.ScriptFolder + "/" + RemoteValues.RequireFileName(Path.GetFileName(localPath));
        var mkdir = await c.RunAsync(GaiaCommands.MakeFolder(c.Remote, GaiaCommands.ScriptFolder), c.Run.Settings.CommandTimeout, ct);
        if (!mkdir.Succeeded)
        {
            return StepResult.Failed("cannot create " + GaiaCommands.ScriptFolder + ": " + mkdir.Describe());
        }

        var sent = await c.Driver.Shell.SendFileAsync(c.Remote, localPath, remote, c.Run.Settings.TransferTimeout, ct);
        if (!sent.Succeeded)
        {
            return StepResult.Failed("sending the script: " + sent.Describe());
        }

        var result = await c.RunAsync(GaiaCommands.RunScript(c.Remote, remote, arguments), timeout, ct);
        if (!result.Answered)
        {
            return StepResult.Failed(result.Describe());
        }

        if (result.ExitCode == 0)
        {
            return StepResult.Ok("exit 0");
        }

        if (result.ExitCode == RebootExitCode)
        {
            var started = c.Run.Time.GetUtcNow();
            await c.RunAsync(GaiaCommands.Reboot(c.Remote), c.Run.Settings.CommandTimeout, ct);
            var back = await RebootWaiter.WaitUntilBackAsync(c, started, ct);
            return back.Status == StepStatus.Ok ? StepResult.Ok("exit 222: rebooted, " + back.Message) : back;
        }

        return StepResult.Failed(string.Create(CultureInfo.InvariantCulture, $"{Path.GetFileName(localPath)} exited {result.ExitCode}") + Tail(result));
    }

    private static string Tail(Transport.CommandResult r)
    {
        var text = (r.Stderr.Trim().Length > 0 ? r.Stderr : r.Stdout).Trim().Split('\n').LastOrDefault()?.Trim();
        return string.IsNullOrEmpty(text) ? string.Empty : ": " + text;
    }
}
