using System.Globalization;
using System.Text.RegularExpressions;

namespace Cdt.Formats;

/// <summary>Durations as people write them in config files: <c>90s</c>, <c>20m</c>, <c>1h30m</c>, <c>2d</c>, <c>00:20:00</c>.</summary>
public static partial class DurationText
{
    [GeneratedRegex(@"^(?:(?<d>\d+)d)?(?:(?<h>\d+)h)?(?:(?<m>\d+)m)?(?:(?<s>\d+)s)?(?:(?<ms>\d+)ms)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Units();

    /// <summary>The longest time-out or interval cdt.conf may give (a year): far beyond any run, far from overflow.</summary>
    public static readonly TimeSpan Longest = TimeSpan.FromDays(365);

    public static bool TryParse(string? text, out TimeSpan value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        text = text.Trim();
        var m = Units().Match(text);
        if (m.Success && text.Length > 0)
        {
            try
            {
                value = TimeSpan.FromDays(Part(m, "d")) + TimeSpan.FromHours(Part(m, "h")) + TimeSpan.FromMinutes(Part(m, "m"))
                    + TimeSpan.FromSeconds(Part(m, "s")) + TimeSpan.FromMilliseconds(Part(m, "ms"));
                return true;
            }
            catch (OverflowException)
            {
                return false;
            }
        }

        return text.Contains(':', StringComparison.Ordinal)
            && TimeSpan.TryParseExact(text, ["c", @"hh\:mm", @"hh\:mm\:ss"], CultureInfo.InvariantCulture, out value)
            && value >= TimeSpan.Zero;
    }

    public static string Format(TimeSpan value)
    {
        if (value == TimeSpan.Zero)
        {
            return "0s";
        }

        var parts = new List<string>();
        if (value.Days > 0)
        {
            parts.Add(value.Days.ToString(CultureInfo.InvariantCulture) + "d");
        }

        if (value.Hours > 0)
        {
            parts.Add(value.Hours.ToString(CultureInfo.InvariantCulture) + "h");
        }

        if (value.Minutes > 0)
        {
            parts.Add(value.Minutes.ToString(CultureInfo.InvariantCulture) + "m");
        }

        if (value.Seconds > 0)
        {
            parts.Add(value.Seconds.ToString(CultureInfo.InvariantCulture) + "s");
        }

        if (value.Milliseconds > 0)
        {
            parts.Add(value.Milliseconds.ToString(CultureInfo.InvariantCulture) + "ms");
        }

        return string.Concat(parts);
    }

    private static double Part(Match m, string name) =>
        m.Groups[name].Success ? long.Parse(m.Groups[name].Value, CultureInfo.InvariantCulture) : 0;
}
