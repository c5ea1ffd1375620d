using System.Globalization;
using Cdt.Config;
using Cdt.Diagnostics;
using Cdt.Formats;
using Cdt.Yaml;

namespace Cdt.Scheduling;

/// <summary>
/// <c>cdt check</c> as a Nagios plugin: one line <c>CDT STATE - what | installed=N failed=N pending=N</c>.
/// CRITICAL: an update lock, or a failed last run nobody has acknowledged with <c>cdt unlock</c>;
/// WARNING: the warning flag (the seed's "Update download failed"), a missed or overdue window,
/// a run stopped by its deadline; UNKNOWN: a state that cannot be read. Worst first:
/// CRITICAL, UNKNOWN, WARNING, OK.
/// </summary>
public static class MonitoringCheck
{
    private const int ReasonLength = 160;

    public static CheckReport Evaluate(IReadOnlyList<(ScheduleSettings Schedule, StateRead Read)> schedules, DateTimeOffset now)
    {
        if (schedules.Count == 0)
        {
            return Unknown("no schedules in cdt.conf");
        }

        var findings = schedules.SelectMany(s => Findings(s.Schedule, s.Read, now)).ToList();
        var worst = findings.Select(f => f.Status).MaxBy(Rank);
        var shown = worst == CheckStatus.Ok ? findings : findings.Where(f => f.Status != CheckStatus.Ok).OrderByDescending(f => Rank(f.Status)).ToList();
        var runs = schedules.Select(s => s.Read.State?.LastRun).OfType<RunRecord>().ToList();
        return new CheckReport(worst, Line(worst, string.Join("; ", shown.Select(f => f.Text)), runs.Sum(r => r.Installed), runs.Sum(r => r.Failed), runs.Sum(r => r.Pending)));
    }

    public static CheckReport Unknown(string why) => new(CheckStatus.Unknown, Line(CheckStatus.Unknown, why, 0, 0, 0));

    private static IEnumerable<(CheckStatus Status, string Text)> Findings(ScheduleSettings s, StateRead read, DateTimeOffset now)
    {
        var name = s.Name;
        if (read.Error is { } error)
        {
            yield return (CheckStatus.Unknown, $"{name}: cannot read its state ({error})");
            yield break;
        }

        if (read.State is not { } state)
        {
            yield return (CheckStatus.Warning, $"{name}: no state yet: is 'cdt daemon' or the run-due timer running?");
            yield break;
        }

        var run = state.LastRun;
        var problem = false;
        if (state.UpdateLock is { } l)
        {
            problem = true;
            yield return (CheckStatus.Critical, $"{name}: update lock since {IsoTime.Format(l.SetAt)}: {Short(l.Reason)}");
        }
        else if (run is { } r && r.Outcome.IsFailure() && !(state.LastUnlock?.At >= r.Finished))
        {
            problem = true;
            yield return (CheckStatus.Critical, $"{name}: last run {r.Outcome.Words()} (window {WhenText.Local(r.Window, s.TimeZone)})");
        }

        if (state.WarningFlag is { } flag)
        {
            problem = true;
            yield return (CheckStatus.Warning, $"{name}: Update download failed (warning flag since {IsoTime.Format(flag.SetAt)})");
        }

        if (DuePlanner.Overdue(s, state, now) is { } overdue && run?.Outcome != RunOutcome.Running)
        {
            problem = true;
            yield return (CheckStatus.Warning, $"{name}: install window {WhenText.Local(overdue, s.TimeZone)} not handled: is the scheduler running?");
        }

        if (run is { } last && last.Outcome.IsIncomplete())
        {
            problem = true;
            yield return (CheckStatus.Warning, last.Outcome switch
            {
                RunOutcome.Missed => $"{name}: install window {WhenText.Local(last.Window, s.TimeZone)} missed",
                RunOutcome.AwaitingApproval => string.Create(CultureInfo.InvariantCulture, $"{name}: run {last.Message} (cdt approve {s.Candidates}), {last.Pending} pending"),
                _ => string.Create(CultureInfo.InvariantCulture, $"{name}: last run {last.Outcome.Words()}, {last.Pending} pending"),
            });
        }

        if (!problem)
        {
            yield return (CheckStatus.Ok, name + ": " + Healthy(s, state, now));
        }
    }

    private static string Healthy(ScheduleSettings s, ScheduleState state, DateTimeOffset now)
    {
        var last = state.LastRun switch
        {
            null => "no run yet",
            { Outcome: RunOutcome.Running } r => $"run in progress since {IsoTime.Format(r.Started ?? r.Window)}",
            { } r => $"last run {r.Outcome.Words()} (window {WhenText.Local(r.Window, s.TimeZone)})",
        };
        return s.Install.NextAfter(now) is { } next ? $"{last}, next window {WhenText.Local(next, s.TimeZone)}" : last;
    }

    private static string Line(CheckStatus status, string text, int installed, int failed, int pending) =>
        string.Create(CultureInfo.InvariantCulture, $"CDT {status.ToString().ToUpperInvariant()} - {text.Replace('|', '/').Replace('\n', ' ')} | installed={installed} failed={failed} pending={pending}");

    private static int Rank(CheckStatus s) => s switch
    {
        CheckStatus.Critical => 3,
        CheckStatus.Unknown => 2,
        CheckStatus.Warning => 1,
        _ => 0,
    };

    private static string Short(string text) => text.Length <= ReasonLength ? text : text[..(ReasonLength - 3)] + "...";
}
