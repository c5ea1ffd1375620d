using Cdt.Diagnostics;
using Cdt.Formats;
using Cdt.Yaml;
using YamlDotNet.RepresentationModel;

namespace Cdt.Plans;

/// <summary>One action of a YAML plan: a mapping with <c>action: NAME</c> and its attributes.</summary>
public sealed class YamlPlanAttributes : IPlanAttributes
{
    private readonly YamlMap _map;
    private readonly List<Diagnostic> _local = [];
    private readonly List<Diagnostic> _diagnostics;
    private readonly string _prefix;

    public YamlPlanAttributes(YamlMap action, string actionName)
    {
        _map = new YamlMap(action.Node, action.Path, _local);
        _diagnostics = action.Diagnostics;
        _prefix = actionName + ": ";
        Position = new PlanPosition(action.Line, action.Column);
        Positions = action.Node.Children
            .Where(p => p.Key is YamlScalarNode k && k.Value != "action")
            .ToDictionary(p => ((YamlScalarNode)p.Key).Value!, p => new PlanPosition((int)p.Value.Start.Line, (int)p.Value.Start.Column), StringComparer.Ordinal);
    }

    public PlanPosition Position { get; }

    public IReadOnlyDictionary<string, PlanPosition> Positions { get; }

    public string Spelling(string key) => key;

    public bool Has(string key) => _map.Has(key);

    public string? String(string key, bool required = false)
    {
        if (required && !Has(key))
        {
            Error(null, $"missing '{key}'");
            return null;
        }

        var value = Take(m => m.String(key));
        if (required && value is not null && string.IsNullOrWhiteSpace(value))
        {
            Error(key, $"'{key}' must not be empty");
            return null;
        }

        return value;
    }

    public bool? Bool(string key) => Take(m => m.Bool(key));

    public int? Int(string key, int min, int max) => Take(m => m.Int(key, min, max));

    public TimeSpan? Duration(string key) => Take(m => m.Duration(key));

    public IReadOnlyList<string> List(string key) => Take(m => m.StringList(key));

    public void Error(string? key, string message)
    {
        var at = key is not null && Positions.TryGetValue(key, out var p) ? p : Position;
        _diagnostics.Add(new Diagnostic(_map.Path, at.Line, at.Column, _prefix + message));
    }

    public void RejectUnknown(IReadOnlyList<string> allowed, string actionName)
    {
        foreach (var pair in _map.Node.Children)
        {
            if (pair.Key is YamlScalarNode k && k.Value is { } key && key != "action" && !allowed.Contains(key))
            {
                _diagnostics.Add(new Diagnostic(_map.Path, (int)k.Start.Line, (int)k.Start.Column,
                    _prefix + PlanMessages.UnknownAttribute(key, actionName, allowed, PlanFormat.Yaml)));
            }
        }
    }

    private T Take<T>(Func<YamlMap, T> read)
    {
        var value = read(_map);
        foreach (var d in _local)
        {
            _diagnostics.Add(d with { Message = _prefix + d.Message });
        }

        _local.Clear();
        return value;
    }
}
