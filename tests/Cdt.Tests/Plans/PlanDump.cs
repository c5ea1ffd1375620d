using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text;
using Cdt.Plans;
using Cdt.Tests.Support;

namespace Cdt.Tests.Plans;

/// <summary>
/// Renders a parsed plan completely and deterministically for golden files: every property of
/// every action (read by reflection, so a new property shows up), with positions, and paths
/// relative to the repository.
/// </summary>
public static class PlanDump
{
    private static readonly HashSet<string> Common = ["ActionName", "Critical", "Timeout", "Retries", "Comment", "Position", "AttributePositions", "DefaultTimeout", "EffectiveTimeout"];

    /// <summary>Without <paramref name="positions"/>: only what the plan means (no file, format, comments or positions).</summary>
    public static string Render(Plan plan, bool positions = true)
    {
        var sb = new StringBuilder();
        if (positions)
        {
            sb.Append("file: ").Append(Path.GetFileName(plan.Path)).Append('\n');
            sb.Append("format: ").Append(plan.Format).Append('\n');
        }

        var s = plan.Settings;
        sb.Append(CultureInfo.InvariantCulture, $"settings: name={s.Name ?? "(none)"} | description={s.Description ?? "(none)"} | update_cpuse={s.UpdateCpuse} | connectivity_upgrade={s.ConnectivityUpgrade}\n");
        sb.Append("first package: ").Append(plan.FirstPackageAction is { } f ? f.ActionName + " " + f.File.FileName : "(none)").Append('\n');
        for (var i = 0; i < plan.Actions.Count; i++)
        {
            var a = plan.Actions[i];
            sb.Append(CultureInfo.InvariantCulture, $"{i + 1}. {a.ActionName} ({a.GetType().Name})").Append(positions ? $" at {a.Position.Line}:{a.Position.Column}" : string.Empty).Append('\n');
            sb.Append(CultureInfo.InvariantCulture, $"   critical={a.Critical} timeout={(a.Timeout is { } t ? Cdt.Formats.DurationText.Format(t) : "default")} effective={Cdt.Formats.DurationText.Format(a.EffectiveTimeout)} retries={a.Retries}\n");
            if (positions && a.Comment is { } c)
            {
                sb.Append("   comment: ").Append(c.Replace("\n", " / ", StringComparison.Ordinal)).Append('\n');
            }

            foreach (var p in a.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => !Common.Contains(p.Name)).OrderBy(p => p.Name, StringComparer.Ordinal))
            {
                sb.Append("   ").Append(p.Name).Append(": ").Append(Value(p.GetValue(a))).Append('\n');
            }

            if (!positions)
            {
                continue;
            }

            sb.Append("   positions: ").Append(string.Join(", ", a.AttributePositions.OrderBy(p => p.Key, StringComparer.Ordinal)
                .Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key}@{p.Value.Line}:{p.Value.Column}")))).Append('\n');
        }

        return sb.ToString();
    }

    private static string Value(object? value) => value switch
    {
        null => "(none)",
        string s => "\"" + s + "\"",
        LocalFile f => $"written \"{f.Written}\", full <repo>/{Path.GetRelativePath(TestPaths.RepoRoot, f.FullPath).Replace('\\', '/')}",
        TimeSpan t => Cdt.Formats.DurationText.Format(t),
        IEnumerable e => "[" + string.Join(", ", e.Cast<object?>().Select(Value)) + "]",
        IFormattable x => x.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
