using System.Globalization;
using Cdt.Yaml;
using YamlDotNet.RepresentationModel;

namespace Cdt.Config;

/// <summary>Reads <c>health</c> (a mapping, or <c>off</c>/<c>on</c>) and <c>clusters</c> of cdt.conf.</summary>
public static class HealthSettingsReader
{
    public const string ToleranceRule = "a share of the routes from 0% to 100%, such as 5%";

    private static readonly Dictionary<string, RegressionPolicy> Policies = new(StringComparer.OrdinalIgnoreCase)
    {
        ["fail"] = RegressionPolicy.Fail,
        ["warn"] = RegressionPolicy.Warn,
    };

    public static HealthSettings Read(YamlMap root)
    {
        var d = new HealthSettings();
        if (root.Find("health") is YamlScalarNode scalar)
        {
            switch (scalar.Value?.Trim().ToLowerInvariant())
            {
                case "off" or "false" or "no":
                    return d with { Enabled = false };
                case "on" or "true" or "yes":
                    return d with { Enabled = true };
                case "" or null or "~" or "null":
                    return d;
                default:
                    root.Error(scalar, $"'health' must be off, on or a mapping (routes_tolerance, on_regression, settle, interval), not '{scalar.Value}'");
                    return d;
            }
        }

        if (root.Map("health") is not { } m)
        {
            return d;
        }

        var enabled = m.Bool("enabled");
        var tolerance = Tolerance(m);
        var policy = m.Enum("on_regression", Policies);
        var settle = m.Duration("settle");
        var interval = m.PositiveDuration("interval");
        m.RejectUnknownKeys("'health' (enabled, routes_tolerance, on_regression, settle, interval)");
        if (settle is { } s && (s < TimeSpan.Zero || s > Formats.DurationText.Longest))
        {
            m.Error(m.Find("settle")!, $"'settle' must be from 0s to {Formats.DurationText.Format(Formats.DurationText.Longest)}, not {Formats.DurationText.Format(s)}");
            settle = null;
        }

        return new HealthSettings
        {
            Enabled = enabled ?? true,
            RoutesTolerance = tolerance ?? d.RoutesTolerance,
            OnRegression = policy ?? d.OnRegression,
            Settle = settle ?? d.Settle,
            Interval = interval ?? d.Interval,
        };
    }

    public static ClusterSettings ReadClusters(YamlMap? m)
    {
        if (m is null)
        {
            return new ClusterSettings();
        }

        var soak = Soak(m);
        m.RejectUnknownKeys("'clusters' (soak)");
        return new ClusterSettings { Soak = soak ?? TimeSpan.Zero };
    }

    /// <summary>A soak: zero (none) up to the longest duration cdt takes; shared by <c>execute.soak</c> and <c>clusters.soak</c>.</summary>
    public static TimeSpan? Soak(YamlMap m)
    {
        var soak = m.Duration("soak");
        if (soak is { } s && (s < TimeSpan.Zero || s > Formats.DurationText.Longest))
        {
            m.Error(m.Find("soak")!, $"'soak' must be from 0s to {Formats.DurationText.Format(Formats.DurationText.Longest)}, not {Formats.DurationText.Format(s)}");
            return null;
        }

        return soak;
    }

    /// <summary>"5%", or a bare number read as a percentage.</summary>
    public static bool TryParseTolerance(string text, out double share)
    {
        var t = text.Trim();
        t = t.EndsWith('%') ? t[..^1].TrimEnd() : t;
        share = 0;
        if (!double.TryParse(t, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var percent) || percent < 0 || percent > 100)
        {
            return false;
        }

        share = percent / 100;
        return true;
    }

    private static double? Tolerance(YamlMap m)
    {
        if (m.String("routes_tolerance") is not { } text)
        {
            return null;
        }

        if (TryParseTolerance(text, out var share))
        {
            return share;
        }

        m.Error(m.Find("routes_tolerance")!, $"'routes_tolerance' must be {ToleranceRule}, not '{text}'");
        return null;
    }
}
