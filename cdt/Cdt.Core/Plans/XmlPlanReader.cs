using System.Xml;
using System.Xml.Linq;
using Cdt.Diagnostics;
using Cdt.Formats;
using Cdt.Yaml;

namespace Cdt.Plans;

/// <summary>
/// Reads a real CDT deployment plan: <c>&lt;CDT_Deployment_Plan&gt;</c> with an optional
/// <c>&lt;plan_settings&gt;</c> (CDT's defaults: update_cpuse and connectivityupgrade true) and
/// one element per action, in order. Comments before an action are kept for conversion.
/// </summary>
public static class XmlPlanReader
{
    public const string RootName = "CDT_Deployment_Plan";
    public const string SettingsName = "plan_settings";

    public static Plan? Read(string path, string text, List<Diagnostic> diagnostics)
    {
        var doc = Parse(path, text, diagnostics);
        if (doc?.Root is not { } root)
        {
            return null;
        }

        if (root.Name.LocalName != RootName)
        {
            Add(diagnostics, path, XmlPositions.Of(root), $"the root element is <{root.Name.LocalName}>: a CDT deployment plan starts with <{RootName}>");
            return null;
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var settings = new PlanSettings { UpdateCpuse = true, ConnectivityUpgrade = true };
        var settingsSeen = false;
        var actions = new List<PlanAction>();
        var comments = new List<string>();
        foreach (var node in root.Nodes())
        {
            switch (node)
            {
                case XComment c:
                    comments.Add(c.Value.Trim());
                    break;
                case XText t when !string.IsNullOrWhiteSpace(t.Value):
                    Add(diagnostics, path, LineOf(t), $"text '{t.Value.Trim()}' outside any action: actions are elements such as <install_package path=\"...\"/>");
                    break;
                case XElement e when e.Name.LocalName == SettingsName:
                    if (settingsSeen)
                    {
                        Add(diagnostics, path, XmlPositions.Of(e), $"a second <{SettingsName}>: a plan has one");
                    }

                    settingsSeen = true;
                    settings = ReadSettings(e, path, diagnostics, settings);
                    comments.Clear();
                    break;
                case XElement e:
                    if (ReadAction(e, path, folder, diagnostics, comments) is { } action)
                    {
                        actions.Add(action);
                    }

                    comments.Clear();
                    break;
            }
        }

        if (actions.Count == 0 && diagnostics.Count == 0)
        {
            Add(diagnostics, path, XmlPositions.Of(root), "the plan has no actions");
        }

        return new Plan { Path = path, Format = PlanFormat.CdtXml, Settings = settings, Actions = actions };
    }

    /// <summary>The deepest element nesting accepted: a CDT plan has three levels; 100,000 took 42 s to load.</summary>
    public const int MaxDepth = 64;

    // A forward-only reader keeps no tree, so the depth is known long before a deep file costs anything.
    private static int? TooDeep(string text, XmlReaderSettings settings)
    {
        using var reader = XmlReader.Create(new StringReader(text), settings);
        while (reader.Read())
        {
            if (reader.Depth > MaxDepth)
            {
                return Math.Max(1, ((IXmlLineInfo)reader).LineNumber);
            }
        }

        return null;
    }

    private static XDocument? Parse(string path, string text, List<Diagnostic> diagnostics)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
        try
        {
            if (TooDeep(text, settings) is { } line)
            {
                diagnostics.Add(new Diagnostic(path, line, 1, $"elements nested more than {MaxDepth} levels deep: cdt refuses such a plan"));
                return null;
            }

            using var reader = XmlReader.Create(new StringReader(text), settings);
            return XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException e)
        {
            diagnostics.Add(new Diagnostic(path, Math.Max(1, e.LineNumber), Math.Max(1, e.LinePosition), "XML syntax error: " + FirstSentence(e.Message)));
            return null;
        }
    }

    private static PlanAction? ReadAction(XElement e, string path, string folder, List<Diagnostic> diagnostics, List<string> comments)
    {
        var name = e.Name.LocalName;
        var canonical = PlanVocabulary.Canonical(name, PlanFormat.CdtXml);
        if (canonical is null)
        {
            Add(diagnostics, path, XmlPositions.Of(e), PlanMessages.UnknownAction(name));
            return null;
        }

        if (e.Nodes().Any(n => n is XElement || (n is XText t && !string.IsNullOrWhiteSpace(t.Value))))
        {
            Add(diagnostics, path, XmlPositions.Of(e), $"<{name}> has content: an action has only attributes, e.g. <{name} ... />");
        }

        var comment = comments.Count == 0 ? null : string.Join("\n", comments);
        return ActionFactory.Build(canonical, new XmlPlanAttributes(e, path, diagnostics, name), folder, comment);
    }

    private static PlanSettings ReadSettings(XElement e, string path, List<Diagnostic> diagnostics, PlanSettings settings)
    {
        foreach (var a in e.Attributes())
        {
            Add(diagnostics, path, XmlPositions.Of(a), $"<{SettingsName}> takes child elements such as <name value=\"...\"/>, not the attribute '{a.Name.LocalName}'");
        }

        foreach (var child in e.Elements())
        {
            var key = child.Name.LocalName;
            var value = child.Attribute("value")?.Value;
            var at = XmlPositions.Of(child);
            if (value is null)
            {
                Add(diagnostics, path, at, $"<{key}> needs a 'value' attribute, e.g. <{key} value=\"...\"/>");
                continue;
            }

            switch (key)
            {
                case "name":
                    settings = settings with { Name = value };
                    break;
                case "description":
                    settings = settings with { Description = value };
                    break;
                case "update_cpuse":
                    settings = settings with { UpdateCpuse = Bool(value, key, path, at, diagnostics) ?? settings.UpdateCpuse };
                    break;
                case "connectivityupgrade":
                    settings = settings with { ConnectivityUpgrade = Bool(value, key, path, at, diagnostics) ?? settings.ConnectivityUpgrade };
                    break;
                default:
                    Add(diagnostics, path, at, $"unknown plan setting <{key}>; <{SettingsName}> takes name, description, update_cpuse, connectivityupgrade");
                    break;
            }
        }

        return settings;
    }

    private static bool? Bool(string value, string key, string path, PlanPosition at, List<Diagnostic> diagnostics)
    {
        switch (value.Trim().ToLowerInvariant())
        {
            case "true":
                return true;
            case "false":
                return false;
            default:
                Add(diagnostics, path, at, $"<{key}> value must be true or false, not '{value}'");
                return null;
        }
    }

    private static PlanPosition LineOf(XText t)
    {
        var info = (IXmlLineInfo)t;
        return info.HasLineInfo() ? new PlanPosition(info.LineNumber, info.LinePosition) : new PlanPosition(1, 1);
    }

    private static void Add(List<Diagnostic> diagnostics, string path, PlanPosition at, string message) =>
        diagnostics.Add(new Diagnostic(path, at.Line, at.Column, message));

    private static string FirstSentence(string message)
    {
        var i = message.IndexOf(" Line ", StringComparison.Ordinal);
        return i > 0 ? message[..i].TrimEnd('.', ' ') : message;
    }
}
