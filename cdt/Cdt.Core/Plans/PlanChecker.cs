using System.Text.RegularExpressions;
using Cdt.Diagnostics;
using Cdt.Formats;
using Cdt.Yaml;
using Cdt.Gaia;

using Cdt.Storage;

namespace Cdt.Plans;

/// <summary>
/// What a plan needs beyond its structure, checked before anything runs: the local files it sends
/// exist, remote paths are absolute, and every value that reaches a gateway has a shape cdt sends.
/// </summary>
public static partial class PlanChecker
{
    [GeneratedRegex(@"^[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}$", RegexOptions.CultureInvariant)]
    private static partial Regex MailAddress();

    public static IReadOnlyList<Diagnostic> Check(IFileStore files, Plan plan)
    {
        var problems = new List<Diagnostic>();
        void Add(PlanAction action, string attribute, string message)
        {
            var at = action.PositionOf(attribute);
            problems.Add(new Diagnostic(plan.Path, at.Line, at.Column, action.ActionName + ": " + message));
        }

        foreach (var action in plan.Actions)
        {
            switch (action)
            {
                case PackageAction p:
                    CheckLocal(files, p.File, "package", p, PlanVocabulary.PathKey, Add);
                    CheckFileName(p.File.FileName, p, PlanVocabulary.PathKey, Add);
                    if (!RemoteValues.IsPackageName(p.PackageName))
                    {
                        Add(p, p.CpuseName is null ? PlanVocabulary.PathKey : "name", $"package name '{RemoteValues.Printable(p.PackageName)}' has characters cdt never sends to a gateway (allowed: letters, digits, space and ._()+,-)");
                    }

                    // A target_version written but refused by the reader is reported there already.
                    if (p is UpgradePackageAction { EffectiveTargetVersion: null } && !p.AttributePositions.ContainsKey("target_version"))
                    {
                        Add(p, PlanVocabulary.PathKey, $"add 'target_version': the Gaia version gateways run once upgraded (cannot tell from the file name '{p.File.FileName}')");
                    }

                    if (p is UpgradePackageAction && p.Versions.Count == 0)
                    {
                        Add(p, PlanVocabulary.PathKey, "add 'versions': the Gaia versions it upgrades from (an upgrade's file name tells only the version it upgrades to)");
                    }
                    else if (ReferenceEquals(p, plan.FirstPackageAction) && p.ToSpec().Versions.Count == 0)
                    {
                        Add(p, PlanVocabulary.PathKey, $"add 'versions' (cannot tell which Gaia versions '{p.File.FileName}' applies to from its name; the first package decides eligibility)");
                    }

                    break;
                case CreateSnapshotAction s:
                    if (!RemoteValues.IsSnapshotName(s.SnapshotName))
                    {
                        Add(s, "name", $"snapshot name '{RemoteValues.Printable(s.SnapshotName)}' may hold only letters, digits and ._- (Gaia's rule)");
                    }

                    if (s.Description is { } d && !RemoteValues.IsPackageName(d))
                    {
                        Add(s, "description", $"description '{RemoteValues.Printable(d)}' has characters cdt never sends to a gateway (allowed: letters, digits, space and ._()+,-)");
                    }

                    break;
                case UninstallPackageAction u when !RemoteValues.IsPackageName(u.PackageName):
                    Add(u, u.WrittenPath is not null && u.AttributePositions.ContainsKey(PlanVocabulary.PathKey) && !u.AttributePositions.ContainsKey("name") ? PlanVocabulary.PathKey : "name",
                        $"package name '{RemoteValues.Printable(u.PackageName)}' has characters cdt never sends to a gateway (allowed: letters, digits, space and ._()+,-)");
                    break;
                case ExecuteCommandAction c:
                    CheckCommand(c.Command, c, Add);
                    break;
                case WaitForAction w:
                    CheckCommand(w.Command, w, Add);
                    break;
                case ExecuteScriptAction x:
                    CheckLocal(files, x.Script, "script", x, PlanVocabulary.PathKey, Add);
                    CheckFileName(x.Script.FileName, x, PlanVocabulary.PathKey, Add);
                    foreach (var arg in x.Arguments.Where(a => !RemoteValues.IsScriptArgument(a)))
                    {
                        Add(x, "arguments", $"argument '{RemoteValues.Printable(arg)}' has characters cdt never sends to a gateway (allowed: letters, digits, space and ._:=,@%+/-)");
                    }

                    break;
                case PushFileAction push:
                    CheckLocal(files, push.Local, "file", push, "local", Add);
                    CheckRemote(push.Remote, push, allowFolder: true, Add);
                    if (RemoteValues.IsAbsolutePath(push.Remote))
                    {
                        CheckFileName(push.Local.FileName, push, "local", Add);
                    }

                    break;
                case PullFileAction pull:
                    CheckRemote(pull.Remote, pull, allowFolder: false, Add);
                    break;
                case SendEmailAction mail:
                    foreach (var to in mail.To.Where(t => !MailAddress().IsMatch(t)))
                    {
                        Add(mail, "to", $"'{RemoteValues.Printable(to)}' is not a mail address such as ops@example.com");
                    }

                    break;
                case LogAction log when log.Message.Any(char.IsControl):
                    Add(log, "message", "the message must be one line: a log line never spans two");
                    break;
            }
        }

        return problems;
    }

    private static void CheckLocal(IFileStore files, LocalFile file, string what, PlanAction action, string attribute, Action<PlanAction, string, string> add)
    {
        if (!files.FileExists(file.FullPath))
        {
            add(action, attribute, files.FolderExists(file.FullPath)
                ? $"{what} '{file.Written}' is a folder, not a file"
                : $"{what} '{file.Written}' does not exist on this machine (looked for {file.FullPath})");
        }
    }

    private static void CheckFileName(string name, PlanAction action, string attribute, Action<PlanAction, string, string> add)
    {
        if (!RemoteValues.IsFileName(name))
        {
            add(action, attribute, $"file name '{RemoteValues.Printable(name)}' has characters cdt never sends to a gateway (allowed: letters, digits and ._+-): rename the file");
        }
    }

    private static void CheckCommand(string command, PlanAction action, Action<PlanAction, string, string> add)
    {
        if (!RemoteValues.IsCommand(command))
        {
            add(action, "command", $"command '{RemoteValues.Printable(command)}' has characters cdt never sends to a gateway: as in CDT, no shell syntax (> | * ; & $ ` ' \\ and the like); allowed: letters, digits, space, balanced double quotes and ._:=,@%+/-. Put anything more in a script (execute_script)");
        }
    }

    private static void CheckRemote(string remote, PlanAction action, bool allowFolder, Action<PlanAction, string, string> add)
    {
        if (!remote.StartsWith('/'))
        {
            add(action, "remote", $"remote path '{RemoteValues.Printable(remote)}' is not absolute: write the full path on the gateway, e.g. /{remote.TrimStart('.', '/')}");
        }
        else if (!RemoteValues.IsAbsolutePath(remote))
        {
            add(action, "remote", $"remote path '{RemoteValues.Printable(remote)}' must be absolute, without '..', of letters, digits and ._+-/");
        }
        else if (!allowFolder && remote.EndsWith('/'))
        {
            add(action, "remote", $"remote path '{remote}' names a folder: pull_file copies one file; name it");
        }
    }
}
