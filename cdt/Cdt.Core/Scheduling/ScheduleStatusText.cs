using System.Globalization;
using System.Text;
using Cdt.Config;
using Cdt.Diagnostics;
using Cdt.Formats;
using Cdt.Yaml;
using Cdt.Locking;

namespace Cdt.Scheduling;

/// <summary>
/// <c>cdt status</c>: every schedule with its next windows (in its time zone and UTC), its last
/// run and outcome, the update lock with its reason, the warning flag, missed windows and who
/// holds its run lock.
/// </summary>
public static class ScheduleStatusText
{
    public static string Render(IReadOnlyList<(ScheduleSettings Schedule, StateRead Read, LockHolder? Holder, bool HolderLive)> schedules, DateTimeOffset now)
    {
        var text = new StringBuilder();
        if (schedules.Count == 0)
        {
            text.AppendLine("No schedules in cdt.conf (see 'schedules:' in cdt.conf.sample).");
        }

        foreach (var (s, read, holder, live) in schedules)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{s.Name}  ({s.TimeZone.Id}, {s.Mode} mode, list {s.Candidates})");
            Row(text, "next preparation", s.Preparation?.NextAfter(now) is { } p ? WhenText.Both(p, s.TimeZone) : "none (the package is sent right before the install)");
            Row(text, "next install", s.Install.NextAfter(now) is { } i
                ? $"{WhenText.Both(i, s.TimeZone)}, until {WhenText.Local(i + s.InstallDuration, s.TimeZone)}"
                : "none: the cron never occurs again");
            if (read.Error is { } error)
            {
                Row(text, "state", "UNREADABLE: " + error);
            }
            else if (read.State is not { } state)
            {
                Row(text, "state", "none yet: the scheduler has not seen this schedule ('cdt daemon' or 'cdt run-due' creates it)");
            }
            else
            {
                State(text, s, state, now);
            }

            Row(text, "run lock", holder is null ? "free" : (live ? "held by " : "STALE (its process is gone): ") + holder.Describe());
            text.AppendLine();
        }

        return text.ToString();
    }

    private static void State(StringBuilder text, ScheduleSettings s, ScheduleState state, DateTimeOffset now)
    {
        Row(text, "last run", state.LastRun is { } r ? Run(s, r) : "none yet");
        if (state.LastPreparation is { } p)
        {
            Row(text, "last preparation", $"window {WhenText.Local(p.Window, s.TimeZone)}: {p.Outcome}: {p.Message}");
        }

        if (DuePlanner.Overdue(s, state, now) is { } overdue && state.LastRun?.Outcome != RunOutcome.Running)
        {
            Row(text, "overdue", $"install window {WhenText.Both(overdue, s.TimeZone)} not handled: is the scheduler running?");
        }

        Row(text, "update lock", state.UpdateLock is { } l
            ? $"SET at {IsoTime.Format(l.SetAt)}: {l.Reason} (remove with: cdt unlock --schedule {s.Name})"
            : "none");
        Row(text, "warning flag", state.WarningFlag is { } f
            ? $"SET at {IsoTime.Format(f.SetAt)}: {f.Reason} (clears after a complete, checksum-verified download; cannot be cleared by hand)"
            : "none");
        if (state.LastUnlock is { } u)
        {
            Row(text, "last unlock", $"by {u.By} at {IsoTime.Format(u.At)} (the lock said: {u.LockReason})");
        }

        Row(text, "missed windows", state.Missed.Count == 0 ? "none" : string.Join(", ", state.Missed.Select(m => WhenText.Local(m, s.TimeZone))));
    }

    private static string Run(ScheduleSettings s, RunRecord r)
    {
        var when = r.Finished is { } f ? $" at {IsoTime.Format(f)}" : r.Started is { } st ? $" since {IsoTime.Format(st)}" : string.Empty;
        var counts = r.Started is null ? string.Empty : string.Create(CultureInfo.InvariantCulture, $"; installed {r.Installed}, failed {r.Failed}, pending {r.Pending}");
        var message = r.Message.Length > 0 ? "; " + r.Message : string.Empty;
        var report = r.ReportPath is { } path ? "; results in " + path : string.Empty;
        if (r.Outcome == RunOutcome.AwaitingApproval)
        {
            report += $"; approve with: cdt approve {s.Candidates}";
        }

        return $"window {WhenText.Local(r.Window, s.TimeZone)}{(r.Late ? " (late, catch_up)" : string.Empty)}: {r.Outcome.Words()}{when}{counts}{message}{report}";
    }

    private static void Row(StringBuilder text, string label, string value) =>
        text.Append("  ").Append(label.PadRight(18)).AppendLine(value);
}
