using Cdt.Config;

namespace Cdt.Scheduling;

/// <summary>
/// Decides, from a schedule's crons and its durable cursors, what is due now and when the next
/// thing will be. Pure: no clock, no files, so restarts and one-shot passes behave the same.
/// </summary>
public static class DuePlanner
{
    /// <summary>The most missed windows one pass enumerates; a longer outage is reported as a count.</summary>
    public const int MaxListed = 1000;

    public static DuePlan Plan(ScheduleSettings s, ScheduleState state, DateTimeOffset now)
    {
        var installs = Between(s.Install, state.InstallCursor, now, out var installsBeyond);
        var missed = new List<DateTimeOffset>();
        InstallWindow? install = null;
        if (installs.Count > 0)
        {
            var latest = installs[^1];
            missed.AddRange(installs.Take(installs.Count - 1));
            if (now - latest <= s.StartGrace)
            {
                install = new InstallWindow { Start = latest, Deadline = latest + s.InstallDuration };
            }
            else if (s.CatchUp)
            {
                install = new InstallWindow { Start = latest, Deadline = now + s.InstallDuration, Late = true };
            }
            else
            {
                missed.Add(latest);
            }
        }

        (DateTimeOffset, DateTimeOffset)? preparation = null;
        DateTimeOffset? skipped = null;
        var preparationCursor = state.PreparationCursor;
        if (s.Preparation is { } prep)
        {
            var preps = Between(prep, state.PreparationCursor, now, out _);
            if (preps.Count > 0)
            {
                preparationCursor = preps[^1];
                if (s.Install.NextAtOrAfter(preps[^1]) is { } target && target > now)
                {
                    preparation = (preps[^1], target);
                }
                else
                {
                    skipped = preps[^1];
                }
            }
        }

        DateTimeOffset? notice = null;
        if (s.NoticeMinutes > 0 && s.Install.NextAfter(now) is { } upcoming
            && upcoming - TimeSpan.FromMinutes(s.NoticeMinutes) <= now && upcoming > state.NoticeCursor)
        {
            notice = upcoming;
        }

        return new DuePlan
        {
            Missed = missed,
            MissedBeyondList = installsBeyond,
            Preparation = preparation,
            PreparationSkipped = skipped,
            Notice = notice,
            Install = install,
            PreparationCursor = preparationCursor,
            InstallCursor = installs.Count > 0 ? installs[^1] : state.InstallCursor,
        };
    }

    /// <summary>The earliest thing this schedule will need after the cursors in <paramref name="state"/>.</summary>
    public static NextEvent? Next(ScheduleSettings s, ScheduleState state)
    {
        var events = new List<NextEvent>();
        var install = s.Install.NextAfter(state.InstallCursor);
        if (install is { } i)
        {
            events.Add(new NextEvent(s.Name, "install window", i, s.TimeZone));
            if (s.NoticeMinutes > 0 && i > state.NoticeCursor)
            {
                events.Add(new NextEvent(s.Name, "notice for the install window", i - TimeSpan.FromMinutes(s.NoticeMinutes), s.TimeZone));
            }
        }

        if (s.Preparation?.NextAfter(state.PreparationCursor) is { } p)
        {
            events.Add(new NextEvent(s.Name, "preparation window", p, s.TimeZone));
        }

        return events.OrderBy(e => e.At).FirstOrDefault();
    }

    /// <summary>The first install window not dealt with yet that should have started by <paramref name="now"/> (minus the grace).</summary>
    public static DateTimeOffset? Overdue(ScheduleSettings s, ScheduleState state, DateTimeOffset now) =>
        s.Install.NextAfter(state.InstallCursor) is { } w && w + s.StartGrace < now ? w : null;

    private static List<DateTimeOffset> Between(ZonedCron cron, DateTimeOffset after, DateTimeOffset until, out int beyond)
    {
        var kept = new Queue<DateTimeOffset>();
        beyond = 0;
        var t = after;
        while (cron.NextAfter(t) is { } next && next <= until)
        {
            if (kept.Count == MaxListed)
            {
                // Keep the newest: the last one decides whether a run happens now.
                kept.Dequeue();
                beyond++;
            }

            kept.Enqueue(next);
            t = next;
        }

        return [.. kept];
    }
}
