using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using Cdt.Diagnostics;
using Cdt.Formats;
using Cdt.Yaml;

namespace Cdt.Plans;

/// <summary>
/// One action of a CDT XML plan: an element whose attributes are the action's settings. Asked for
/// by YAML names; <c>critical</c> is read from <c>iscritical</c>, and lists are comma-separated
/// (script arguments: space-separated).
/// </summary>
public sealed class XmlPlanAttributes : IPlanAttributes
{
    private readonly XElement _element;
    private readonly string _path;
    private readonly List<Diagnostic> _diagnostics;
    private readonly string _prefix;
    private readonly IReadOnlyDictionary<string, string> _spelling;

    public XmlPlanAttributes(XElement element, string path, List<Diagnostic> diagnostics, string actionName)
    {
        _element = element;
        _path = path;
        _diagnostics = diagnostics;
        _prefix = actionName + ": ";
        var spelling = new Dictionary<string, string>(StringComparer.Ordinal) { [PlanVocabulary.CriticalKey] = PlanVocabulary.XmlCriticalKey };
        if (element.Name.LocalName == PlanVocabulary.XmlUninstallName)
        {
            spelling[PlanVocabulary.PathKey] = PlanVocabulary.XmlUninstallFileKey;
        }

        _spelling = spelling;
        Position = XmlPositions.Of(element);
        var canonical = _spelling.ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);
        Positions = element.Attributes().ToDictionary(
            a => canonical.GetValueOrDefault(a.Name.LocalName, a.Name.LocalName), XmlPositions.Of, StringComparer.Ordinal);
    }

    public PlanPosition Position { get; }

    public IReadOnlyDictionary<string, PlanPosition> Positions { get; }

    public string Spelling(string key) => _spelling.GetValueOrDefault(key, key);

    public bool Has(string key) => Attribute(key) is not null;

    public string? String(string key, bool required = false)
    {
        var value = Attribute(key)?.Value;
        if (required && value is null)
        {
            Error(null, $"missing attribute '{Spelling(key)}'");
            return null;
        }

        if (required && string.IsNullOrWhiteSpace(value))
        {
            Error(key, $"'{Spelling(key)}' must not be empty");
            return null;
        }

        return value;
    }

    public bool? Bool(string key)
    {
        var text = String(key);
        switch (text?.Trim().ToLowerInvariant())
        {
            case null:
                return null;
            case "true":
                return true;
            case "false":
                return false;
            default:
                Error(key, $"'{Spelling(key)}' must be true or false, not '{text}'");
                return null;
        }
    }

    public int? Int(string key, int min, int max)
    {
        var text = String(key);
        if (text is null)
        {
            return null;
        }

        if (!int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            Error(key, string.Create(CultureInfo.InvariantCulture, $"'{Spelling(key)}' must be a whole number from {min} to {max}, not '{text}'"));
            return null;
        }

        return value;
    }

    public TimeSpan? Duration(string key)
    {
        var text = String(key);
        if (text is null)
        {
            return null;
        }

        if (!DurationText.TryParse(text, out var value))
        {
            Error(key, $"'{Spelling(key)}' is not a duration: '{text}' (write e.g. 90s, 20m, 1h30m)");
            return null;
        }

        return value;
    }

    public IReadOnlyList<string> List(string key)
    {
        var text = String(key);
        if (text is null)
        {
            return [];
        }

        char[] separators = key == "arguments" ? [' ', '\t'] : [','];
        return text.Split(separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    public void Error(string? key, string message)
    {
        var at = key is not null && Positions.TryGetValue(key, out var p) ? p : Position;
        _diagnostics.Add(new Diagnostic(_path, at.Line, at.Column, _prefix + message));
    }

    public void RejectUnknown(IReadOnlyList<string> allowed, string actionName)
    {
        var spelt = allowed.Select(Spelling).ToList();
        foreach (var a in _element.Attributes().Where(a => !spelt.Contains(a.Name.LocalName)))
        {
            var at = XmlPositions.Of(a);
            _diagnostics.Add(new Diagnostic(_path, at.Line, at.Column,
                _prefix + PlanMessages.UnknownAttribute(a.Name.LocalName, actionName, spelt, PlanFormat.CdtXml)));
        }
    }

    private XAttribute? Attribute(string key) => _element.Attribute(Spelling(key));
}
