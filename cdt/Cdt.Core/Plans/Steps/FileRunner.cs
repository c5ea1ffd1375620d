using Cdt.Execution;
using Cdt.Execution.Steps;
using Cdt.Gaia;

namespace Cdt.Plans.Steps;

/// <summary>The actions that move files: push_file, pull_file, and execute_script (send, then run).</summary>
public static class FileRunner
{
    /// <summary>Scripts run exactly as the engine runs Basic mode's pre- and post-scripts (exit 0, 222, other).</summary>
    public static Task<StepResult> ScriptAsync(TargetContext c, ExecuteScriptAction a, CancellationToken ct) =>
        ScriptStep.RunScriptAsync(c, a.Script.FullPath, a.Arguments, a.EffectiveTimeout, ct);

    public static async Task<StepResult> PushAsync(TargetContext c, PushFileAction a, CancellationToken ct)
    {
        if (!c.Run.Files.FileExists(a.Local.FullPath))
        {
            return StepResult.Failed($"{a.Local.FullPath} does not exist on this machine");
        }

        var remote = a.RemoteFilePath;
        var folder = remote[..remote.LastIndexOf('/')];
        var expert = c.Remote.Shell == Fleet.LoginShell.Expert;
        if (expert && folder.Length > 0)
        {
            var mkdir = await c.RunAsync(GaiaCommands.MakeFolder(c.Remote, folder), c.Run.Settings.CommandTimeout, ct);
            if (!mkdir.Succeeded)
            {
                return StepResult.Failed($"cannot create {folder}: {mkdir.Describe()}");
            }
        }

        var sent = await c.Driver.Shell.SendFileAsync(c.Remote, a.Local.FullPath, remote, a.EffectiveTimeout, ct);
        c.Log($"send {a.Local.FullPath} -> {remote}: {sent.Describe()}");
        if (!sent.Succeeded)
        {
            return StepResult.Failed("sending the file: " + sent.Describe());
        }

        if (!expert)
        {
            return StepResult.Ok($"sent to {remote} (Clish login: no checksum check)");
        }

        var local = c.Run.LocalChecksums.GetOrAdd(a.Local.FullPath, p => SendPackageStep.Md5Of(c.Run.Files, p));
        var there = await c.Driver.Md5Async(c.Remote, remote, ct);
        return there.Value == local
            ? StepResult.Ok($"sent to {remote}, MD5 {local}")
            : StepResult.Failed($"checksum mismatch after sending: local {local}, gateway {there.Value ?? there.Error}");
    }

    /// <summary>Into the run's folder, one sub-folder per target: <c>RUN/TARGET/FILE</c>.</summary>
    public static async Task<StepResult> PullAsync(TargetContext c, PullFileAction a, CancellationToken ct)
    {
        var relative = RemoteValues.RequireFileName(c.Target.Name) + "/" + RemoteValues.RequireFileName(a.FileName);
        var local = Path.Combine(c.Run.RunFolder, relative);
        c.Run.Files.CreateFolder(Path.GetDirectoryName(local)!);
        var fetched = await c.Driver.Shell.FetchFileAsync(c.Remote, RemoteValues.RequireAbsolutePath(a.Remote), local, a.EffectiveTimeout, ct);
        return fetched.Succeeded ? StepResult.Ok($"{a.Remote} copied to {relative} in the run folder") : StepResult.Failed($"fetching {a.Remote}: {fetched.Describe()}");
    }
}
