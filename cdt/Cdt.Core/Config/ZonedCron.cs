using Cronos;

namespace Cdt.Config;

/// <summary>
/// A cron expression (5 fields, or 6 with seconds first) read on the wall clock of one time zone.
/// Cronos parses it and finds occurrences across daylight-saving changes: a time the clock skips
/// (spring forward) happens at the instant the clock jumps. Cronos runs interval schedules
/// (<c>*/30</c>) in both showings of a repeated hour; cdt's rule (docs/scheduling.md) is once, at
/// the first showing, so occurrences in the second showing are passed over here.
/// </summary>
public sealed class ZonedCron
{
    private readonly CronExpression _cron;

    private ZonedCron(string expression, CronExpression cron, TimeZoneInfo zone)
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
        if (!CronExpression.TryParse(normalized, fields.Length == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard, out var cron))
        {
            error = $"'{expression}' is not a valid cron expression";
            return null;
        }

        if (cron.GetNextOccurrence(new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc)) is null)
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
        var next = _cron.GetNextOccurrence(after, Zone);
        while (next is { } n && IsSecondShowing(n))
        {
            next = _cron.GetNextOccurrence(n, Zone);
        }

        return next?.ToUniversalTime();
    }

    /// <summary>The first occurrence at or after <paramref name="from"/>.</summary>
    public DateTimeOffset? NextAtOrAfter(DateTimeOffset from) => NextAfter(from - TimeSpan.FromTicks(1));

    /// <summary>True for an instant in the repeated hour after the clock fell back: the smaller of the two offsets.</summary>
    private bool IsSecondShowing(DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, Zone);
        return Zone.IsAmbiguousTime(local) && local.Offset < Zone.GetAmbiguousTimeOffsets(local).Max();
    }
}
