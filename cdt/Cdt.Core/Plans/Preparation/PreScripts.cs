using Cdt.Config;
using Cdt.Execution.Steps;

using Cdt.Storage;

namespace Cdt.Plans.Preparation;

/// <summary>
/// Which scripts are pre-installation scripts, the ones prepare runs ahead of the window: Basic
/// mode's <c>pre_script</c>; in a plan, the <c>execute_script</c> actions before its first
/// install, upgrade, uninstall or reboot.
/// </summary>
public static class PreScripts
{
    public const string BasicStep = "pre_script";

    /// <summary>The plan's pre-scripts with their action numbers (1-based, as in the plan's step names).</summary>
    public static IReadOnlyList<(int Number, ExecuteScriptAction Action)> Of(Plan plan)
    {
        var result = new List<(int, ExecuteScriptAction)>();
        for (var i = 0; i < plan.Actions.Count; i++)
        {
            switch (plan.Actions[i])
            {
                case InstallPackageAction or UpgradePackageAction or UninstallPackageAction or RebootAction:
                    return result;
                case ExecuteScriptAction script:
                    result.Add((i + 1, script));
                    break;
            }
        }

        return result;
    }

    /// <summary>The identity of each pre-script as it is now: step name, file, content checksum, arguments.</summary>
    public static IReadOnlyList<PreparedScript> Identities(IFileStore files, CdtConfig config, Plan? plan)
    {
        if (plan is null)
        {
            return config.PreScript is { } pre ? [Identity(files, BasicStep, pre.Path, pre.Arguments)] : [];
        }

        return [.. Of(plan).Select(s => Identity(files, s.Action.ActionName + "#" + s.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), s.Action.Script.FullPath, s.Action.Arguments))];
    }

    private static PreparedScript Identity(IFileStore files, string step, string path, IReadOnlyList<string> arguments) => new()
    {
        Step = step,
        Path = path,
        Md5 = files.FileExists(path) ? SendPackageStep.Md5Of(files, path) : "missing",
        Arguments = arguments,
    };
}
