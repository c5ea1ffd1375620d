using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Cdt.Diagnostics;
using Cdt.Formats;
using Cdt.Yaml;

namespace Cdt.Plans;

/// <summary>
/// Writes a plan as cdt's YAML (what <c>cdt plan convert</c> prints). Every setting is written
/// explicitly, because the two formats have different defaults; actions keep their order, their
/// comments and the paths as written.
/// </summary>
public static partial class PlanYamlWriter
{
    [GeneratedRegex(@"^[A-Za-z0-9_./][A-Za-z0-9 _./()+,@\-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex PlainScalar();

    [GeneratedRegex(@"^(?:true|false|yes|no|on|off|null|~|[-+]?[0-9][0-9_.:]*)$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex LooksTyped();

    public static string Write(Plan plan)
    {
        var sb = new StringBuilder();
        var source = Path.GetFileName(plan.Path);
        sb.Append("# Deployment plan converted by 'cdt plan convert' from ").Append(source).Append('\n');
        if (plan.Settings.Name is { } name)
        {
            Line(sb, 0, "name", Scalar(name));
        }

        if (plan.Settings.Description is { } description)
        {
            Line(sb, 0, "description", Scalar(description));
        }

        Line(sb, 0, "update_cpuse", Bool(plan.Settings.UpdateCpuse));
        Line(sb, 0, "connectivity_upgrade", Bool(plan.Settings.ConnectivityUpgrade));
        sb.Append("actions:\n");
        foreach (var action in plan.Actions)
        {
            if (action.Comment is { } comment)
            {
                foreach (var line in comment.Split('\n'))
                {
                    sb.Append("  #").Append(line.Length > 0 ? " " + line.Trim() : string.Empty).Append('\n');
                }
            }

            sb.Append("  - action: ").Append(action.ActionName).Append('\n');
            foreach (var (key, value) in Attributes(action))
            {
                Line(sb, 4, key, value);
            }

            if (!action.Critical && PlanVocabulary.Attributes[action.ActionName].Contains(PlanVocabulary.CriticalKey))
            {
                Line(sb, 4, PlanVocabulary.CriticalKey, "false");
            }

            if (action.Timeout is { } timeout)
            {
                Line(sb, 4, PlanVocabulary.TimeoutKey, DurationText.Format(timeout));
            }

            if (action.Retries > 0)
            {
                Line(sb, 4, PlanVocabulary.RetriesKey, action.Retries.ToString(CultureInfo.InvariantCulture));
            }
        }

        return sb.ToString();
    }

    private static IEnumerable<(string Key, string Value)> Attributes(PlanAction action)
    {
        switch (action)
        {
            case PackageAction p:
                yield return (PlanVocabulary.PathKey, Scalar(p.File.Written));
                if (p.CpuseName is { } n)
                {
                    yield return ("name", Scalar(n));
                }

                if (p.Versions.Count > 0)
                {
                    yield return ("versions", FlowList(p.Versions));
                }

                if (p is UpgradePackageAction { TargetVersion: { } target })
                {
                    yield return ("target_version", Scalar(target));
                }

                break;
            case CreateSnapshotAction s:
                yield return ("name", Scalar(s.SnapshotName));
                if (s.Description is { } d)
                {
                    yield return ("description", Scalar(d));
                }

                break;
            case UninstallPackageAction u:
                if (u.WrittenPath is null || u.PackageName != Path.GetFileName(u.WrittenPath.Trim()))
                {
                    yield return ("name", Scalar(u.PackageName));
                }

                if (u.WrittenPath is { } w)
                {
                    yield return (PlanVocabulary.PathKey, Scalar(w));
                }

                break;
            case ExecuteCommandAction c:
                yield return ("command", Scalar(c.Command));
                break;
            case ExecuteScriptAction x:
                yield return (PlanVocabulary.PathKey, Scalar(x.Script.Written));
                if (x.Arguments.Count > 0)
                {
                    yield return ("arguments", FlowList(x.Arguments));
                }

                break;
            case PushFileAction push:
                yield return ("local", Scalar(push.Local.Written));
                yield return ("remote", Scalar(push.Remote));
                break;
            case PullFileAction pull:
                yield return ("remote", Scalar(pull.Remote));
                break;
            case WaitForAction wait:
                yield return ("command", Scalar(wait.Command));
                if (wait.Output is { } o)
                {
                    yield return ("output", Scalar(o));
                }

                if (wait.ExitCode is { } e)
                {
                    yield return ("exit_code", e.ToString(CultureInfo.InvariantCulture));
                }

                if (wait.Interval != WaitForAction.DefaultInterval)
                {
                    yield return ("interval", DurationText.Format(wait.Interval));
                }

                break;
            case LogAction log:
                yield return ("message", Scalar(log.Message));
                break;
            case SendEmailAction mail:
                yield return ("to", FlowList(mail.To));
                yield return ("subject", Scalar(mail.Subject));
                if (mail.Body.Length > 0)
                {
                    yield return ("body", Scalar(mail.Body));
                }

                break;
        }
    }

    private static void Line(StringBuilder sb, int indent, string key, string value) =>
        sb.Append(' ', indent).Append(key).Append(": ").Append(value).Append('\n');

    private static string Bool(bool value) => value ? "true" : "false";

    /// <summary>A flow list; an item holding a comma is quoted, since a comma separates items there.</summary>
    private static string FlowList(IEnumerable<string> items) =>
        "[" + string.Join(", ", items.Select(i => i.Contains(',', StringComparison.Ordinal) ? Quoted(i) : Scalar(i))) + "]";

    /// <summary>A YAML scalar: plain when it cannot be misread, else double-quoted with escapes.</summary>
    public static string Scalar(string value)
    {
        if (PlainScalar().IsMatch(value) && !value.EndsWith(' ') && !LooksTyped().IsMatch(value))
        {
            return value;
        }

        return Quoted(value);
    }

    private static string Quoted(string value)
    {
        var sb = new StringBuilder("\"");
        foreach (var c in value)
        {
            sb.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\t' => "\\t",
                '\r' => "\\r",
                _ when char.IsControl(c) => "\\x" + ((int)c).ToString("x2", CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }

        return sb.Append('"').ToString();
    }
}
