using Cdt.Diagnostics;
using Cdt.Formats;
using Cdt.Yaml;

namespace Cdt.Scheduling;

/// <summary>How instants are shown to people: the schedule's wall clock with its offset and zone, and UTC.</summary>
public static class WhenText
{
    /// <summary><c>2026-11-28T02:00:00+01:00 Europe/Paris</c>.</summary>
    public static string Local(DateTimeOffset instant, TimeZoneInfo zone) =>
        IsoTime.Format(TimeZoneInfo.ConvertTime(instant, zone)) + " " + zone.Id;

    /// <summary><c>2026-11-28T02:00:00+01:00 Europe/Paris (2026-11-28T01:00:00+00:00)</c>.</summary>
    public static string Both(DateTimeOffset instant, TimeZoneInfo zone) =>
        Local(instant, zone) + " (" + IsoTime.Format(instant.ToUniversalTime()) + ")";
}
