namespace Cdt.Scheduling;

/// <summary>The next moment a schedule needs the scheduler, and why.</summary>
public sealed record NextEvent(string Schedule, string What, DateTimeOffset At, TimeZoneInfo Zone);
