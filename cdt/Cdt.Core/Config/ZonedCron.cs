using NCrontab;

namespace Cdt.Config;

/// <summary>
/// A cron expression (5 fields, or 6 with seconds first) read on the wall clock of one time zone.
/// NCrontab only knows wall-clock times; turning them into instants across daylight-saving
/// changes is done here, with two rules (documented in the README):
/// a time the clock skips (spring forward) happens at the first instant after the gap, and a
/// time the clock shows twice (fall back) happens once, at its first showing.
/// </summary>
public sealed class ZonedCron
{
    /// <summary>How far ahead to look for an occurrence: more than a leap-day cycle.</summary>
    private const int SearchYears = 9;

    private readonly CrontabSchedule _cron;

    private ZonedCron(string expression, CrontabSchedule cron, TimeZoneInfo zone)
    {
        Expression = expression;
        _cron = cron;
        Zone = zone;
    }

    public string Expression { get; }

    public TimeZoneInfo Zone { get; }

    /// <summary>Parses an expression; null with a one-line reason when it is not a usable cron.</summary>
    public static ZonedCron? TryParse(string expression, TimeZoneInfo zone, out string? error)
    {
        var fields = expression.Split(' ', '\t').Where(f => f.Length > 0).ToArray();
        if (fields.Length is not (5 or 6))
        {
            error = $"'{expression}' has {fields.Length} fields: write 5 (minute hour day month weekday) or 6 (second first)";
            return null;
        }

        var normalized = string.Join(' ', fields);
        var cron = CrontabSchedule.TryParse(normalized, new CrontabSchedule.ParseOptions { IncludingSeconds = fields.Length == 6 });
        if (cron is null)
        {
            error = $"'{expression}' is not a valid cron expression";
            return null;
        }

        var probe = new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);
        if (cron.GetNextOccurrence(probe, probe.AddYears(SearchYears)) >= probe.AddYears(SearchYears))
        {
            error = $"'{expression}' never occurs";
            return null;
        }

        error = null;
        return new ZonedCron(normalized, cron, zone);
    }

    /// <summary>The first occurrence strictly after <paramref name="after"/>, as an instant; null if there is none.</summary>
    public DateTimeOffset? NextAfter(DateTimeOffset after)
    {
        var wall = TimeZoneInfo.ConvertTime(after, Zone).DateTime;
        var limit = wall.AddYears(SearchYears);
        var candidate = wall;
        while (true)
        {
            var next = _cron.GetNextOccurrence(candidate, limit);
            if (next >= limit)
            {
                return null;
            }

            // In the second showing of a repeated hour, wall times already run in the first one
            // map to instants before 'after': they are skipped, which is the "runs once" rule.
            var instant = ToInstant(next);
            if (instant > after)
            {
                return instant;
            }

            candidate = next;
        }
    }

    /// <summary>The first occurrence at or after <paramref name="from"/>.</summary>
    public DateTimeOffset? NextAtOrAfter(DateTimeOffset from) => NextAfter(from - TimeSpan.FromTicks(1));

    /// <summary>The instant a wall-clock time of this zone stands for, with the DST rules above.</summary>
    public DateTimeOffset ToInstant(DateTime wall)
    {
        if (Zone.IsInvalidTime(wall))
        {
            return FirstInstantAtOrAfter(wall);
        }

        if (Zone.IsAmbiguousTime(wall))
        {
            // The larger offset is the earlier instant: summer time, the first showing.
            var offset = Zone.GetAmbiguousTimeOffsets(wall).Max();
            return new DateTimeOffset(wall, offset).ToUniversalTime();
        }

        return new DateTimeOffset(wall, Zone.GetUtcOffset(wall)).ToUniversalTime();
    }

    /// <summary>
    /// The first instant whose wall clock reads <paramref name="wall"/> or later: for a time in a
    /// spring-forward gap, the moment the clock jumps. Found by bisection over whole seconds
    /// because TimeZoneInfo has no direct question for it; no zone changes offset twice in a day.
    /// </summary>
    private DateTimeOffset FirstInstantAtOrAfter(DateTime wall)
    {
        var center = new DateTimeOffset(wall.Ticks, TimeSpan.Zero).ToUnixTimeSeconds();
        long lo = center - (16 * 3600);
        long hi = center + (16 * 3600);
        while (lo < hi)
        {
            var mid = lo + ((hi - lo) / 2);
            if (TimeZoneInfo.ConvertTime(DateTimeOffset.FromUnixTimeSeconds(mid), Zone).DateTime >= wall)
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        return DateTimeOffset.FromUnixTimeSeconds(lo);
    }
}
