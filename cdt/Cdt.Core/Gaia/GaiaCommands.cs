using Cdt.Fleet;
using Cdt.Transport;

namespace Cdt.Gaia;

/// <summary>
/// The only place that knows Gaia command syntax (REFERENCE.md §8). Builds the exact command line
/// for a target's login shell: Clish through <c>clish -c</c> from Expert, plain from Clish; Expert
/// commands in the VS0 context on VSX. No redirections: a gateway may give cdt's user a restricted
/// shell, which refuses them, and parsers skip the few lines they would have hidden.
/// </summary>
public static class GaiaCommands
{
    public const string UploadFolder = "/var/log/upload";

    public static string ShowPackages(Target t, PackageListing listing) => Clish(t, listing switch
    {
        PackageListing.Imported => "show installer packages imported",
        PackageListing.Installed => "show installer packages installed",
        PackageListing.AvailableForDownload => "show installer packages available-for-download",
        _ => "show installer packages",
    });

    public static string ShowPackage(Target t, string name) =>
        Clish(t, "show installer package " + ClishArg(RemoteValues.RequirePackageName(name)));

    public static string Import(Target t, string fileName) =>
        Clish(t, $"installer import local {UploadFolder}/{RemoteValues.RequireFileName(fileName)} not-interactive", lockOverride: true);

    public static string Verify(Target t, string name) =>
        Clish(t, $"installer verify {ClishArg(RemoteValues.RequirePackageName(name))} not-interactive", lockOverride: true);

    public static string Install(Target t, string name) =>
        Clish(t, $"installer install {ClishArg(RemoteValues.RequirePackageName(name))} not-interactive", lockOverride: true);

    public static string Uninstall(Target t, string name) =>
        Clish(t, $"installer uninstall {ClishArg(RemoteValues.RequirePackageName(name))} not-interactive", lockOverride: true);

    public static string Upgrade(Target t, string name) =>
        Clish(t, $"installer upgrade {ClishArg(RemoteValues.RequirePackageName(name))} not-interactive", lockOverride: true);

    public static string Snapshot(Target t, string name, string description) =>
        Clish(t, $"add snapshot {RemoteValues.RequireSnapshotName(name)} desc {ClishArg(RemoteValues.RequirePackageName(description))}", lockOverride: true);

    /// <summary>CPUSE downloads a package from the Check Point cloud (CDT's <c>download_from_cloud</c>).</summary>
    public static string Download(Target t, string name) =>
        Clish(t, $"installer download {ClishArg(RemoteValues.RequirePackageName(name))} not-interactive", lockOverride: true);

    public static string AgentStatus(Target t) => Clish(t, "show installer status all");

    public static string AgentInstall(Target t, string fileName) =>
        Clish(t, $"installer agent install {UploadPath(fileName)}", lockOverride: true);

    /// <summary>Where cdt sends packages and scripts on a gateway.</summary>
    public static string UploadPath(string fileName) => UploadFolder + "/" + RemoteValues.RequireFileName(fileName);

    /// <summary>A plan's own command (<c>execute_command</c>, <c>wait_for</c>), run in Expert mode.</summary>
    public static string UserCommand(Target t, string command) => Expert(t, RemoteValues.RequireCommand(command));

    public static string Version(Target t) => t.Shell == LoginShell.Clish ? "show version product" : "fw ver";

    public static string ClusterState(Target t) => t.Shell == LoginShell.Clish ? "show cluster state" : Expert(t, "cphaprob state");

    public static string ClusterAdmin(Target t, bool up) =>
        t.Shell == LoginShell.Clish ? $"set cluster member admin {(up ? "up" : "down")}" : Expert(t, "clusterXL_admin " + (up ? "up" : "down"));

    /// <summary>Multi-Version Cluster mode, which keeps connections through a cluster version upgrade.</summary>
    public static string Mvc(Target t, bool on) => Expert(t, "cphaconf mvc " + (on ? "on" : "off"));

    public static string VrrpState(Target t) => Clish(t, "show vrrp");

    /// <summary>Files are the same in every VSX context: no <c>vsenv</c>. Needs an Expert login shell (Clish refuses it).</summary>
    public static string Md5(Target t, string remotePath) => "md5sum " + ShellQuote.Single(RemoteValues.RequireAbsolutePath(remotePath));

    public const string ScriptFolder = "/var/log/cdt/scripts";

    public static string MakeFolder(Target t, string remotePath) => Expert(t, "mkdir -p " + ShellQuote.Single(RemoteValues.RequireAbsolutePath(remotePath)));

    /// <summary>Runs a script that was sent to the gateway, with each argument checked and quoted.</summary>
    public static string RunScript(Target t, string remotePath, IEnumerable<string> arguments) =>
        Expert(t, "bash " + ShellQuote.Single(RemoteValues.RequireAbsolutePath(remotePath))
            + string.Concat(arguments.Select(a => " " + ShellQuote.Single(RemoteValues.RequireScriptArgument(a)))));

    /// <summary>Starts each part's output in the one command of a health snapshot (<see cref="HealthSnapshotCommand"/>).</summary>
    public const string HealthMarker = "cdt-health:";

    /// <summary>
    /// A health snapshot in one round trip on an Expert login: the read-only commands joined by
    /// <c>;</c>, each part's output after an <c>echo</c> of its name (no pipes or redirections).
    /// </summary>
    public static string HealthSnapshotCommand(Target t) =>
        Expert(t, string.Join("; ", HealthParts.Select(p => "echo " + HealthMarker + p.Part + "; " + p.Command)));

    private static readonly (string Part, string Command)[] HealthParts =
    [
        ("cluster", "cphaprob state"),
        ("policy", "cpstat -f policy fw"),
        ("routes", "clish -c 'show route summary'"),
        ("interfaces", "ip -o link show"),
        ("processes", "cpwd_admin list"),
        ("licences", "cplic print"),
    ];

    /// <summary>The route count on a Clish login, which cannot join commands (one round trip each).</summary>
    public static string RouteSummary(Target t) => Clish(t, "show route summary");

    public static string Reboot(Target t) => t.Shell == LoginShell.Clish ? "reboot" : "shutdown -r now";

    /// <summary>
    /// Tells the login shell apart: Clish answers with the version, bash says "command not found".
    /// Sent once per gateway whose inventory says <c>shell: auto</c>.
    /// </summary>
    public const string DetectShell = "show version product";

    /// <summary>
    /// The line <c>echo</c> prints between the answers of commands sent together (<see cref="Each"/>,
    /// <see cref="WhileOk"/>), so <see cref="CombinedAnswer"/> can tell them apart without a
    /// redirection or a pipe. Nothing Gaia prints looks like it.
    /// </summary>
    public const string Separator = "@@cdt@@";

    /// <summary>Expert-mode commands sent as one command line (one round trip): each runs whatever the one before it answered.</summary>
    public static string Each(IEnumerable<string> commands) => string.Join("; echo " + Separator + "; ", commands);

    /// <summary>Expert-mode commands sent as one command line: each runs only when the one before it succeeded, and the exit code is the first failure's.</summary>
    public static string WhileOk(IEnumerable<string> commands) => string.Join(" && echo " + Separator + " && ", commands);

    /// <summary>
    /// The check's questions in one Expert-mode command line: the version, the installed packages,
    /// the imported ones, and the checksum of the package's copy in the upload folder (asked last:
    /// md5sum of a missing file is the one part expected to fail).
    /// </summary>
    public static string Survey(Target t, bool imported, string? uploadPath)
    {
        var parts = new List<string> { Version(t), ShowPackages(t, PackageListing.Installed) };
        if (imported)
        {
            parts.Add(ShowPackages(t, PackageListing.Imported));
        }

        if (uploadPath is not null)
        {
            parts.Add(Md5(t, uploadPath));
        }

        return Each(parts);
    }

    /// <summary>The import and, when it succeeded, the imported list that tells the name CPUSE gave the package (Expert mode).</summary>
    public static string ImportThenList(Target t, string fileName) => WhileOk([Import(t, fileName), ShowPackages(t, PackageListing.Imported)]);

    /// <summary>The verify and the package's status just before the install (Expert mode): an install still running is never started again.</summary>
    public static string VerifyThenStatus(Target t, string name) => Each([Verify(t, name), ShowPackage(t, name)]);

    /// <summary>A Clish command as the login shell needs it.</summary>
    public static string Clish(Target t, string command, bool lockOverride = false)
    {
        if (t.Shell == LoginShell.Clish)
        {
            return command;
        }

        // ';' and not '&&': taking the lock may fail when nobody holds it, and the command must still run.
        var quoted = "clish -c " + ShellQuote.Single(command);
        return lockOverride ? "clish -c 'lock database override'; " + quoted : quoted;
    }

    /// <summary>An Expert-mode (bash) command, in the VS0 context on VSX.</summary>
    public static string Expert(Target t, string command) => t.Vsx ? "vsenv 0 && " + command : command;

    private static string ClishArg(string value) => value.Contains(' ', StringComparison.Ordinal) ? "\"" + value + "\"" : value;
}
