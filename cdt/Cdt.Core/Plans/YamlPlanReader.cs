using Cdt.Diagnostics;
using Cdt.Formats;
using Cdt.Yaml;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Cdt.Plans;

/// <summary>
/// Reads cdt's YAML plan: <c>name</c>, <c>description</c>, <c>update_cpuse</c>,
/// <c>connectivity_upgrade</c> and an <c>actions</c> list of mappings with <c>action: NAME</c>.
/// </summary>
public static class YamlPlanReader
{
    public static Plan? Read(string path, string text, List<Diagnostic> diagnostics)
    {
        var root = YamlFile.Load(path, text, diagnostics);
        if (root is null)
        {
            return null;
        }

        var settings = new PlanSettings
        {
            Name = root.String("name"),
            Description = root.String("description"),
            UpdateCpuse = root.Bool("update_cpuse") ?? false,
            ConnectivityUpgrade = root.Bool("connectivity_upgrade") ?? false,
        };
        if (!root.Has("actions"))
        {
            root.Error("missing 'actions': the list of actions to run on each target");
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var actions = new List<PlanAction>();
        var entries = root.MapList("actions");
        foreach (var entry in entries)
        {
            var name = entry.String("action", required: true);
            if (name is null)
            {
                continue;
            }

            var canonical = PlanVocabulary.Canonical(name, PlanFormat.Yaml);
            if (canonical is null)
            {
                entry.Error(entry.Find("action")!, PlanMessages.UnknownAction(name));
                continue;
            }

            if (ActionFactory.Build(canonical, new YamlPlanAttributes(entry, canonical), folder, comment: null) is { } action)
            {
                actions.Add(action);
            }
        }

        if (root.Find("actions") is YamlSequenceNode { Children.Count: 0 } or YamlScalarNode { Style: ScalarStyle.Plain, Value: null or "" or "~" or "null" })
        {
            root.Error(root.Find("actions")!, "'actions' is empty: a plan needs at least one action");
        }

        root.RejectUnknownKeys("the plan (name, description, update_cpuse, connectivity_upgrade, actions)");
        return new Plan { Path = path, Format = PlanFormat.Yaml, Settings = settings, Actions = actions };
    }
}
