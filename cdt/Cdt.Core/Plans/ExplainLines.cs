using System.Globalization;
using Cdt.Fleet;
using Cdt.Gaia;
using Cdt.Transport;

namespace Cdt.Plans;

/// <summary>
/// What each action does on one target, step by step, with the exact command lines from
/// <see cref="GaiaCommands"/>. <c>plan explain</c> prints these lines; a command line starts with "$ ".
/// </summary>
public static class ExplainLines
{
    public const string RunFolder = "logs/<execution time>";

    /// <summary>The header of an action: what it is about and, with <paramref name="policy"/>, how it fails.</summary>
    public static string Header(PlanAction action, bool policy = true)
    {
        var subject = action switch
        {
            PackageAction p => p.File.Written + (p.CpuseName is { } n ? $" (CPUSE name \"{n}\")" : string.Empty),
            CreateSnapshotAction s => s.SnapshotName,
            UninstallPackageAction u => "\"" + u.PackageName + "\"",
            ExecuteCommandAction c => c.Command,
            ExecuteScriptAction x => string.Join(" ", new[] { x.Script.Written }.Concat(x.Arguments)),
            PushFileAction push => push.Local.Written + " -> " + push.RemoteFilePath,
            PullFileAction pull => pull.Remote,
            WaitForAction w => w.Command,
            LogAction l => "\"" + l.Message + "\"",
            SendEmailAction m => string.Join(", ", m.To),
            _ => string.Empty,
        };
        var how = action switch
        {
            LogAction => "cannot fail",
            SendEmailAction => "never fails the deployment; time-out " + Duration(action.EffectiveTimeout) + Retries(action),
            _ => (action.Critical ? "critical: a failure stops the plan on this target" : "not critical: a failure is noted and the plan goes on")
                + "; time-out " + Duration(action.EffectiveTimeout) + Retries(action),
        };
        return action.ActionName + (subject.Length > 0 ? " " + subject : string.Empty) + (policy ? " [" + how + "]" : string.Empty);
    }

    /// <summary>What update_cpuse does before the actions, with the agent of cdt.conf when it is known.</summary>
    public static IReadOnlyList<string> UpdateAgent(Target t, string? agentFile) => agentFile is null
        ? ["cdt.conf names no cpuse_agent here: nothing is done (with one, it is sent to " + GaiaCommands.UploadFolder + "/ and installed with 'installer agent install')"]
        : [.. Send(t, agentFile, Path.GetFileName(agentFile)), "$ " + GaiaCommands.AgentInstall(t, Path.GetFileName(agentFile))];

    public static IReadOnlyList<string> Lines(PlanAction action, Target t) => action switch
    {
        CreateSnapshotAction s => ["$ " + GaiaCommands.Snapshot(t, s.SnapshotName, s.Description ?? s.SnapshotName)],
        SendPackageAction p => Send(t, p.File.Written, p.File.FileName),
        ImportPackageAction p => [.. Name(t, p), .. Send(t, p.File.Written, p.File.FileName), .. Import(t, p)],
        VerifyPackageAction p =>
        [
            .. Name(t, p),
            "$ " + GaiaCommands.ShowPackages(t, PackageListing.Imported) + $"  -> lists {Label(p)}, else failure: import it first",
            .. Verify(t, p),
        ],
        InstallPackageAction p => Install(t, p, GaiaCommands.Install(t, p.PackageName)),
        UpgradePackageAction p => Install(t, p, GaiaCommands.Upgrade(t, p.PackageName)),
        DownloadFromCloudAction p =>
        [
            .. Name(t, p),
            "$ " + GaiaCommands.ShowPackages(t, PackageListing.All) + $"  -> lists {Label(p)} (not only for download): already there, done",
            "$ " + GaiaCommands.Download(t, p.PackageName),
        ],
        UninstallPackageAction u =>
        [
            "$ " + GaiaCommands.ShowPackages(t, PackageListing.Installed) + "  -> lists it: uninstall it",
            "otherwise $ " + GaiaCommands.ShowPackage(t, u.PackageName) + "  -> Installed: uninstall it under its display name; else nothing to do",
            "$ " + GaiaCommands.Uninstall(t, u.PackageName) + "  -> uninstalls it, under the name CPUSE lists",
            .. WaitForReboot(t),
            "$ " + GaiaCommands.ShowPackages(t, PackageListing.Installed) + "  -> no longer lists it",
        ],
        ExecuteCommandAction c => ["$ " + GaiaCommands.UserCommand(t, c.Command) + "  -> exit 0 is success"],
        ExecuteScriptAction x =>
        [
            "$ " + GaiaCommands.MakeFolder(t, GaiaCommands.ScriptFolder),
            $"copy {x.Script.Written} to {GaiaCommands.ScriptFolder}/{x.Script.FileName}",
            "$ " + GaiaCommands.RunScript(t, GaiaCommands.ScriptFolder + "/" + x.Script.FileName, x.Arguments),
            "  exit 0: go on; exit 222: $ " + GaiaCommands.Reboot(t) + ", wait until it answers, go on; any other exit: failure",
        ],
        PushFileAction push =>
        [
            .. Folder(push.RemoteFilePath) is { } folder ? ["$ " + GaiaCommands.MakeFolder(t, folder)] : Array.Empty<string>(),
            $"copy {push.Local.Written} to {push.RemoteFilePath}",
            "$ " + GaiaCommands.Md5(t, push.RemoteFilePath) + "  -> the local file's MD5",
        ],
        PullFileAction pull => [$"copy {pull.Remote} from the target to {RunFolder}/{t.Name}/{pull.FileName}"],
        RebootAction => ["$ " + GaiaCommands.Reboot(t), .. WaitForReboot(t)],
        WaitForAction w =>
        [
            $"every {Duration(w.Interval)}, until healthy or the time-out: $ " + GaiaCommands.UserCommand(t, w.Command),
            "  healthy: " + Healthy(w),
        ],
        LogAction l => [$"writes \"{l.Message}\" to the run's log and {t.Name}'s log; nothing runs on the target"],
        SendEmailAction m => [$"mails \"{m.Subject}\" to {string.Join(", ", m.To)} through cdt.conf's smtp server; if that fails, a warning"],
        _ => throw new ArgumentOutOfRangeException(nameof(action), action.ActionName, "no steps defined for this action"),
    };

    private static IReadOnlyList<string> Send(Target t, string written, string fileName) =>
    [
        "$ " + GaiaCommands.Md5(t, GaiaCommands.UploadPath(fileName)) + "  -> the local file's MD5: already there, not sent again",
        $"otherwise copy {written} to {GaiaCommands.UploadPath(fileName)}, then check its MD5 the same way",
    ];

    private static IReadOnlyList<string> Import(Target t, PackageAction p) => t.Shell == LoginShell.Clish
        ?
        [
            "$ " + GaiaCommands.ShowPackages(t, PackageListing.Imported) + $"  -> lists {Label(p)}: already imported, no import",
            "$ " + GaiaCommands.Import(t, p.File.FileName),
            "$ " + GaiaCommands.ShowPackages(t, PackageListing.Imported) + "  -> the name CPUSE lists it under, used from here on",
        ]
        :
        [
            "$ " + GaiaCommands.ShowPackages(t, PackageListing.Imported) + $"  -> lists {Label(p)}: already imported, no import",
            "$ " + GaiaCommands.ImportThenList(t, p.File.FileName) + "  -> the name CPUSE lists it under, used from here on",
        ];

    private static IReadOnlyList<string> Verify(Target t, PackageAction p) => t.Shell == LoginShell.Clish
        ? ["$ " + GaiaCommands.Verify(t, p.PackageName) + "  -> \"Installation is allowed\", else failure with CPUSE's reason"]
        : ["$ " + GaiaCommands.VerifyThenStatus(t, p.PackageName) + "  -> \"Installation is allowed\", else failure with CPUSE's reason; and the package's status"];

    /// <summary>A plan that names the package only by its file (CDT XML does): CPUSE says the name it uses, shown below as the file name.</summary>
    private static IReadOnlyList<string> Name(Target t, PackageAction p) => p.CpuseName is not null
        ? []
        : ["$ " + GaiaCommands.ShowPackage(t, p.File.FileName) + "  -> the display name CPUSE uses for it (asked again after the import), used instead of the file name below"];

    private static string Label(PackageAction p) => p.CpuseName is { } n ? "\"" + n + "\"" : "the package";

    private static IReadOnlyList<string> Install(Target t, PackageAction p, string installCommand) =>
    [
        .. Name(t, p),
        "$ " + VersionAndInstalled(t) + (p is UpgradePackageAction u
            ? $"  -> already runs {u.EffectiveTargetVersion}: done"
            : $"  -> lists {Label(p)}: already installed, done") + "; a version it does not apply to: failure, nothing is sent",
        .. Send(t, p.File.Written, p.File.FileName),
        .. Import(t, p),
        .. Verify(t, p),
        "$ " + GaiaCommands.ShowPackage(t, p.PackageName) + "  -> Installed: done; Installing (an earlier attempt): follow it",
        "$ " + installCommand,
        "the reboot: wait execute.expected_reboot, then until it answers (at most execute.reboot_timeout): $ " + VersionAndInstalled(t),
        p is UpgradePackageAction up
            ? $"its first answer -> the version is {up.EffectiveTargetVersion}"
            : $"its first answer -> the installed packages list {Label(p)}",
    ];

    private static IReadOnlyList<string> WaitForReboot(Target t) =>
        ["the reboot: wait execute.expected_reboot, then until it answers (at most execute.reboot_timeout): $ " + GaiaCommands.Version(t)];

    /// <summary>
    /// The version and the installed packages: asked before an install, and as the poll after its
    /// reboot, which also answers the confirmation. One command line from Expert mode, two from Clish.
    /// </summary>
    private static string VersionAndInstalled(Target t) => t.Shell == LoginShell.Clish
        ? GaiaCommands.Version(t) + ", then $ " + GaiaCommands.ShowPackages(t, PackageListing.Installed)
        : GaiaCommands.Survey(t, imported: false, uploadPath: null);

    private static string Healthy(WaitForAction w)
    {
        var parts = new List<string>();
        if (w.Output is { } o)
        {
            parts.Add($"the output contains \"{o}\"");
        }

        if (w.ExpectedExitCode is { } e)
        {
            parts.Add("the exit code is " + e.ToString(CultureInfo.InvariantCulture));
        }

        return string.Join(" and ", parts);
    }

    /// <summary>The folder a remote file goes into; null for the root folder, which always exists.</summary>
    private static string? Folder(string remoteFile)
    {
        var i = remoteFile.LastIndexOf('/');
        return i <= 0 ? null : remoteFile[..i];
    }

    private static string Retries(PlanAction action) => action.Retries switch
    {
        0 => string.Empty,
        1 => "; retried once",
        var n => "; retried up to " + n.ToString(CultureInfo.InvariantCulture) + " times",
    };

    public static string Duration(TimeSpan value) => Formats.DurationText.Format(value);
}
