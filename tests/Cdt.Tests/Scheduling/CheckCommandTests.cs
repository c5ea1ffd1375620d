using Cdt.Host;
using System.Globalization;
using Cdt.Scheduling;
using Cdt.Tests.Support;
using NUnit.Framework;
using Shouldly;

namespace Cdt.Tests.Scheduling;

/// <summary><c>cdt check</c> as Nagios sees it: one line, the state, the performance data, the exit code.</summary>
public class CheckCommandTests
{
    private const string Config = """
        inventory: fleet.yml
        package: { path: Check_Point_R81_20_JUMBO_HF_MAIN_Bundle_T92_FULL.tgz }
        schedules:
          - name: nightly
            candidates: nightly.csv
            time_zone: Europe/Paris
            install: { cron: "30 2 * * *", duration: 3h }
          - name: weekly
            candidates: weekly.csv
            time_zone: America/New_York
            install: { cron: "0 3 * * 0", duration: 4h }
        """;

    private static readonly DateTimeOffset Now = At("2026-11-21T12:00:00Z");

    private static readonly RunRecord Succeeded = new()
    {
        Window = At("2026-11-21T01:30:00Z"),
        Started = At("2026-11-21T01:30:00Z"),
        Finished = At("2026-11-21T03:10:00Z"),
        Outcome = RunOutcome.Succeeded,
        Installed = 12,
    };

    private static readonly RunRecord WeeklyDone = new()
    {
        Window = At("2026-11-15T08:00:00Z"),
        Started = At("2026-11-15T08:00:00Z"),
        Finished = At("2026-11-15T09:00:00Z"),
        Outcome = RunOutcome.Succeeded,
        Installed = 4,
    };

    [Test]
    public void AllWellIsOkWithTheNextWindowsAndTheCounts()
    {
        using var f = new Fixture();
        f.Write("nightly", s => s with { LastRun = Succeeded });
        f.Write("weekly", s => s with { LastRun = WeeklyDone });

        f.Check().ShouldBe((0, "CDT OK - nightly: last run succeeded (window 2026-11-21T02:30:00+01:00 Europe/Paris), next window 2026-11-22T02:30:00+01:00 Europe/Paris; weekly: last run succeeded (window 2026-11-15T03:00:00-05:00 America/New_York), next window 2026-11-22T03:00:00-05:00 America/New_York | installed=16 failed=0 pending=0\n"));
    }

    [Test]
    public void TheWarningFlagIsAWarningWithTheSeedsWords()
    {
        using var f = new Fixture();
        f.Write("nightly", s => s with { LastRun = Succeeded, WarningFlag = new FlagRecord { SetAt = At("2026-11-21T00:34:30Z"), Reason = "Update download failed: x" } });
        f.Write("weekly", s => s with { LastRun = WeeklyDone });

        f.Check("--schedule", "nightly").ShouldBe((1, "CDT WARNING - nightly: Update download failed (warning flag since 2026-11-21T00:34:30+00:00) | installed=12 failed=0 pending=0\n"));
    }

    [Test]
    public void AMissedWindowIsAWarning()
    {
        using var f = new Fixture();
        f.Write("nightly", s => s with { LastRun = new RunRecord { Window = At("2026-11-21T01:30:00Z"), Outcome = RunOutcome.Missed } });

        f.Check("--schedule", "nightly").ShouldBe((1, "CDT WARNING - nightly: install window 2026-11-21T02:30:00+01:00 Europe/Paris missed | installed=0 failed=0 pending=0\n"));
    }

    [Test]
    public void AWindowNobodyHandledIsAWarningThatTheSchedulerIsNotRunning()
    {
        using var f = new Fixture();
        f.Write("nightly", s => s with { InstallCursor = At("2026-11-20T01:30:00Z"), LastRun = Succeeded with { Window = At("2026-11-20T01:30:00Z") } });

        f.Check("--schedule", "nightly").ShouldBe((1, "CDT WARNING - nightly: install window 2026-11-21T02:30:00+01:00 Europe/Paris not handled: is the scheduler running? | installed=12 failed=0 pending=0\n"));
    }

    [Test]
    public void ARunStoppedByItsDeadlineIsAWarningWithWhatIsPending()
    {
        using var f = new Fixture();
        f.Write("nightly", s => s with { LastRun = Succeeded with { Outcome = RunOutcome.StoppedByDeadline, Installed = 8, Pending = 4 } });

        f.Check("--schedule", "nightly").ShouldBe((1, "CDT WARNING - nightly: last run stopped by the deadline, 4 pending | installed=8 failed=0 pending=4\n"));
    }

    [Test]
    public void AScheduleTheSchedulerNeverSawIsAWarning()
    {
        using var f = new Fixture();

        f.Check("--schedule", "weekly").ShouldBe((1, "CDT WARNING - weekly: no state yet: is 'cdt daemon' or the run-due timer running? | installed=0 failed=0 pending=0\n"));
    }

    [Test]
    public void TheUpdateLockIsCritical()
    {
        using var f = new Fixture();
        f.Write("nightly", s => s with
        {
            LastRun = Succeeded with { Outcome = RunOutcome.SomeFailed, Installed = 10, Failed = 2 },
            UpdateLock = new UpdateLockRecord { SetAt = At("2026-11-21T03:10:00Z"), Reason = "the scheduled run failed" },
        });

        f.Check("--schedule", "nightly").ShouldBe((2, "CDT CRITICAL - nightly: update lock since 2026-11-21T03:10:00+00:00: the scheduled run failed | installed=10 failed=2 pending=0\n"));
    }

    [Test]
    public void AFailedLastRunIsCriticalUntilAnUnlockAcknowledgesIt()
    {
        using var f = new Fixture();
        var failed = Succeeded with { Outcome = RunOutcome.DownloadFailed, Installed = 0, Pending = 12 };
        f.Write("nightly", s => s with { LastRun = failed });
        var before = f.Check("--schedule", "nightly");
        f.Write("nightly", s => s with { LastRun = failed, LastUnlock = new UnlockRecord { By = "alice", At = At("2026-11-21T08:00:00Z"), LockReason = "download failed" } });

        var after = f.Check("--schedule", "nightly");

        before.ShouldBe((2, "CDT CRITICAL - nightly: last run not installed: download failed (window 2026-11-21T02:30:00+01:00 Europe/Paris) | installed=0 failed=0 pending=12\n"));
        after.Code.ShouldBe(0);
    }

    [Test]
    public void AStateThatCannotBeReadIsUnknown()
    {
        using var f = new Fixture();
        f.Write("weekly", s => s with { LastRun = WeeklyDone });
        Directory.CreateDirectory(f.StateDir);
        File.WriteAllText(Path.Combine(f.StateDir, "nightly.json"), "{");

        var (code, line) = f.Check();

        code.ShouldBe(3);
        line.ShouldStartWith("CDT UNKNOWN - nightly: cannot read its state (" + Path.Combine(f.StateDir, "nightly.json") + ": unreadable (");
        line.ShouldEndWith(" | installed=4 failed=0 pending=0\n");
    }

    [Test]
    public void AConfigThatCannotBeReadIsUnknownNeverExitTwo()
    {
        using var f = new Fixture();

        var missing = SchedulingCli.Run(f.Folder, ManualClock.At("2026-11-21T12:00:00Z"), "check", "--config", "nowhere.conf");
        var unknown = f.Check("--schedule", "monthly");

        missing.ExitCode.ShouldBe(3);
        missing.Out.ShouldBe("CDT UNKNOWN - " + Path.Combine(f.Folder, "nowhere.conf") + ": configuration file not found: copy cdt.conf.sample to cdt.conf, or pass --config PATH | installed=0 failed=0 pending=0\n");
        unknown.ShouldBe((3, "CDT UNKNOWN - " + Path.Combine(f.Folder, "cdt.conf") + ": no schedule named 'monthly' (there are: nightly, weekly) | installed=0 failed=0 pending=0\n"));
    }

    [Test]
    public void TheWorstStateWinsAndItsProblemsComeFirst()
    {
        using var f = new Fixture();
        f.Write("nightly", s => s with { LastRun = Succeeded, WarningFlag = new FlagRecord { SetAt = At("2026-11-21T00:34:30Z"), Reason = "x" } });
        f.Write("weekly", s => s with { LastRun = WeeklyDone, UpdateLock = new UpdateLockRecord { SetAt = At("2026-11-15T09:00:00Z"), Reason = "failed" } });

        f.Check().ShouldBe((2, "CDT CRITICAL - weekly: update lock since 2026-11-15T09:00:00+00:00: failed; nightly: Update download failed (warning flag since 2026-11-21T00:34:30+00:00) | installed=16 failed=0 pending=0\n"));
    }

    private static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture);

    private sealed class Fixture : IDisposable
    {
        private readonly TempFolder _temp = new();

        public Fixture()
        {
            _temp.Write("cdt.conf", Config);
        }

        public string Folder => _temp.Path;

        public string StateDir => Path.Combine(_temp.Path, ".cdt-state");

        public void Write(string schedule, Func<ScheduleState, ScheduleState> change) =>
            new ScheduleStateStore(LocalFileStore.Instance, StateDir).Write(change(ScheduleState.New(schedule, At("2026-11-01T00:00:00Z")) with { InstallCursor = Latest(schedule) }));

        public (int Code, string Out) Check(params string[] args)
        {
            var r = SchedulingCli.Run(_temp.Path, new ManualClock(Now), ["check", .. args]);
            r.Error.ShouldBeEmpty();
            return (r.ExitCode, r.Out);
        }

        public void Dispose() => _temp.Dispose();

        private static DateTimeOffset Latest(string schedule) => schedule == "nightly" ? At("2026-11-21T01:30:00Z") : At("2026-11-15T08:00:00Z");
    }
}
