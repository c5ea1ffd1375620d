using Cdt.Diagnostics;
using Cdt.Formats;
using Cdt.Yaml;
using Cdt.Gaia;

namespace Cdt.Config;

/// <summary>
/// Values of cdt.conf that end up on a gateway's command line (package name and file, script
/// names and arguments) must have the strict shapes of <see cref="RemoteValues"/>: refused here,
/// with their line, long before anything is sent.
/// </summary>
public static class RemoteValueRules
{
    public static void CheckPackage(YamlMap m, PackageSpec spec)
    {
        if (!RemoteValues.IsPackageName(spec.Name))
        {
            m.Error(m.Find("name") ?? m.Node, $"package name '{RemoteValues.Printable(spec.Name)}' has characters cdt never sends to a gateway (allowed: letters, digits, space and ._()+,-)");
        }

        if (!RemoteValues.IsFileName(spec.FileName))
        {
            m.Error(m.Find("path") ?? m.Node, $"package file name '{RemoteValues.Printable(spec.FileName)}' has characters cdt never sends to a gateway (allowed: letters, digits and ._+-)");
        }
    }

    public static void CheckScript(YamlMap m, string? path, IReadOnlyList<string> arguments)
    {
        if (path is not null && !RemoteValues.IsFileName(Path.GetFileName(path)))
        {
            m.Error(m.Find("path")!, $"script file name '{RemoteValues.Printable(Path.GetFileName(path))}' has characters cdt never sends to a gateway (allowed: letters, digits and ._+-)");
        }

        foreach (var a in arguments.Where(a => !RemoteValues.IsScriptArgument(a)))
        {
            m.Error(m.Find("arguments")!, $"script argument '{RemoteValues.Printable(a)}' has characters cdt never sends to a gateway (allowed: letters, digits, space and ._:=,@%+/-)");
        }
    }
}
