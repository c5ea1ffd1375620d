using Cdt.Diagnostics;
using Cdt.Formats;

using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Cdt.Yaml;

/// <summary>
/// Reads one YAML mapping with line and column for every problem: unknown keys, wrong types,
/// missing values. Problems are collected, not thrown, so a check can report all of them.
/// </summary>
public sealed class YamlMap
{
    private readonly YamlMappingNode _node;
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

    public YamlMap(YamlMappingNode node, string path, List<Diagnostic> diagnostics)
    {
        _node = node;
        Path = path;
        Diagnostics = diagnostics;
    }

    public string Path { get; }

    public List<Diagnostic> Diagnostics { get; }

    public int Line => (int)_node.Start.Line;

    public int Column => (int)_node.Start.Column;

    public YamlMappingNode Node => _node;

    public bool Has(string key) => Find(key) is not null;

    public void Error(string message) => Diagnostics.Add(new Diagnostic(Path, Line, Column, message));

    public void Error(YamlNode node, string message) =>
        Diagnostics.Add(new Diagnostic(Path, (int)node.Start.Line, (int)node.Start.Column, message));

    public YamlNode? Find(string key)
    {
        _seen.Add(key);
        foreach (var pair in _node.Children)
        {
            if (pair.Key is YamlScalarNode k && k.Value == key)
            {
                return pair.Value;
            }
        }

        return null;
    }

    public string? String(string key, bool required = false)
    {
        var node = Find(key);
        if (node is null)
        {
            if (required)
            {
                Error($"missing '{key}'");
            }

            return null;
        }

        if (node is YamlScalarNode s)
        {
            if (required && string.IsNullOrWhiteSpace(s.Value))
            {
                Error(node, $"'{key}' must not be empty");
                return null;
            }

            return IsNull(s) ? null : s.Value;
        }

        Error(node, $"'{key}' must be a single value, not a list or mapping");
        return null;
    }

    public int? Int(string key, int min = int.MinValue, int max = int.MaxValue, bool required = false)
    {
        var text = String(key, required);
        if (text is null)
        {
            return null;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            Error(Find(key)!, max == int.MaxValue
                ? $"'{key}' must be a whole number of at least {min.ToString(CultureInfo.InvariantCulture)}, not '{text}'"
                : $"'{key}' must be a whole number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}, not '{text}'");
            return null;
        }

        return value;
    }

    public bool? Bool(string key)
    {
        var text = String(key);
        if (text is null)
        {
            return null;
        }

        switch (text.Trim().ToLowerInvariant())
        {
            case "true" or "yes" or "on":
                return true;
            case "false" or "no" or "off":
                return false;
            default:
                Error(Find(key)!, $"'{key}' must be true or false, not '{text}'");
                return null;
        }
    }

    public TimeSpan? Duration(string key, bool required = false)
    {
        var text = String(key, required);
        if (text is null)
        {
            return null;
        }

        if (!DurationText.TryParse(text, out var value))
        {
            Error(Find(key)!, $"'{key}' is not a duration: '{text}' (write e.g. 90s, 20m, 1h30m)");
            return null;
        }

        return value;
    }

    /// <summary>
    /// A time-out, interval or delay: a zero or negative one would spin or never wait, and one past
    /// <see cref="DurationText.Longest"/> would overflow the clock's arithmetic; both are refused with their line.
    /// </summary>
    public TimeSpan? PositiveDuration(string key)
    {
        var value = Duration(key);
        if (value is { } v && (v <= TimeSpan.Zero || v > DurationText.Longest))
        {
            Error(Find(key)!, $"'{key}' must be longer than 0s and at most {DurationText.Format(DurationText.Longest)}, not {DurationText.Format(v)}");
            return null;
        }

        return value;
    }

    public DateTimeOffset? Timestamp(string key)
    {
        var text = String(key);
        if (text is null)
        {
            return null;
        }

        if (!IsoTime.TryParse(text, out var value))
        {
            Error(Find(key)!, $"'{key}' must be an ISO 8601 time with an offset, e.g. 2026-11-23T06:00:00+01:00, not '{text}'");
            return null;
        }

        return value;
    }

    public T? Enum<T>(string key, IReadOnlyDictionary<string, T> names, bool required = false)
        where T : struct
    {
        var text = String(key, required);
        if (text is null)
        {
            return null;
        }

        if (names.TryGetValue(text.Trim(), out var value))
        {
            return value;
        }

        Error(Find(key)!, $"'{key}' must be one of {string.Join(", ", names.Keys)}, not '{text}'");
        return null;
    }

    public IReadOnlyList<string> StringList(string key)
    {
        var node = Find(key);
        switch (node)
        {
            case null:
                return [];
            case YamlScalarNode s when IsNull(s):
                return [];
            case YamlScalarNode s:
                return [s.Value!];
            case YamlSequenceNode seq:
                var list = new List<string>(seq.Children.Count);
                foreach (var item in seq.Children)
                {
                    if (item is YamlScalarNode v && v.Value is not null)
                    {
                        list.Add(v.Value);
                    }
                    else
                    {
                        Error(item, $"'{key}' must be a list of single values");
                    }
                }

                return list;
            default:
                Error(node, $"'{key}' must be a list");
                return [];
        }
    }

    public YamlMap? Map(string key, bool required = false)
    {
        var node = Find(key);
        if (node is null)
        {
            if (required)
            {
                Error($"missing '{key}'");
            }

            return null;
        }

        if (node is YamlScalarNode s && IsNull(s))
        {
            return null;
        }

        if (node is YamlMappingNode m)
        {
            return new YamlMap(m, Path, Diagnostics);
        }

        Error(node, $"'{key}' must be a mapping of 'key: value'");
        return null;
    }

    public IReadOnlyList<YamlMap> MapList(string key)
    {
        var node = Find(key);
        if (node is null || (node is YamlScalarNode s && IsNull(s)))
        {
            return [];
        }

        if (node is not YamlSequenceNode seq)
        {
            Error(node, $"'{key}' must be a list");
            return [];
        }

        var list = new List<YamlMap>(seq.Children.Count);
        foreach (var item in seq.Children)
        {
            if (item is YamlMappingNode m)
            {
                list.Add(new YamlMap(m, Path, Diagnostics));
            }
            else
            {
                Error(item, $"each entry of '{key}' must be a mapping of 'key: value'");
            }
        }

        return list;
    }

    /// <summary>Reports every key that no reader asked for: a typo must never be silently ignored.</summary>
    public void RejectUnknownKeys(string what)
    {
        foreach (var pair in _node.Children)
        {
            if (pair.Key is YamlScalarNode k && !_seen.Contains(k.Value ?? string.Empty))
            {
                Error(pair.Key, $"unknown setting '{k.Value}' in {what}");
            }
        }
    }

    private static bool IsNull(YamlScalarNode s) =>
        s.Style == YamlDotNet.Core.ScalarStyle.Plain && (s.Value is null || s.Value is "" or "~" or "null");
}
