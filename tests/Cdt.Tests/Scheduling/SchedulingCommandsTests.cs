using Cdt.Host;
using System.Globalization;
using Cdt.Scheduling;
using Cdt.Tests.Support;
using NUnit.Framework;
using Shouldly;

namespace Cdt.Tests.Scheduling;

/// <summary><c>cdt status</c>, <c>cdt unlock</c>, <c>cdt run-due</c> and the update lock seen by <c>cdt execute</c>.</summary>
public class SchedulingCommandsTests
{
    private const string Config = """
        inventory: fleet.yml
        package: { path: Check_Point_R81_20_JUMBO_HF_MAIN_Bundle_T92_FULL.tgz }
        schedules:
          - name: nightly
            candidates: nightly.csv
            time_zone: Europe/Paris
            preparation: "30 1 * * *"
            install: { cron: "30 2 * * *", duration: 3h }
          - name: weekly
            candidates: weekly.csv
            time_zone: America/New_York
            install: { cron: "0 3 * * 0", duration: 4h }
        """;

    private static readonly ManualClock Noon = ManualClock.At("2026-11-21T12:00:00Z");

    [Test]
    public void StatusShowsEverySchedulesWindowsRunLockAndFlag()
    {
        using var temp = new TempFolder();
        temp.Write("cdt.conf", Config);
        new ScheduleStateStore(LocalFileStore.Instance, temp.File(".cdt-state")).Write(ScheduleState.New("nightly", At("2026-11-01T00:00:00Z")) with
        {
            InstallCursor = At("2026-11-21T01:30:00Z"),
            LastRun = new RunRecord
            {
                Window = At("2026-11-21T01:30:00Z"),
                Deadline = At("2026-11-21T04:30:00Z"),
                Started = At("2026-11-21T01:32:30Z"),
                Finished = At("2026-11-21T03:05:00Z"),
                Outcome = RunOutcome.SomeFailed,
                Installed = 11,
                Failed = 1,
                Message = "gw-b: install failed",
            },
            LastPreparation = new PreparationRecord { Window = At("2026-11-21T00:30:00Z"), ForInstall = At("2026-11-21T01:30:00Z"), Outcome = "failed", Message = "Update download failed: pkg.tgz not on gw-b (10 attempts: connection dropped)" },
            WarningFlag = new FlagRecord { SetAt = At("2026-11-21T00:34:30Z"), Reason = "Update download failed: pkg.tgz not on gw-b (10 attempts: connection dropped)" },
            UpdateLock = new UpdateLockRecord { SetAt = At("2026-11-21T03:05:00Z"), Reason = "the scheduled run of the install window 2026-11-21T02:30:00+01:00 Europe/Paris failed (some targets failed)" },
            Missed = [At("2026-11-19T01:30:00Z")],
        });

        var r = SchedulingCli.Run(temp.Path, Noon, "status");

        r.ExitCode.ShouldBe(0);
        r.Out.Replace(temp.Path, "<folder>", StringComparison.Ordinal).ShouldMatchTestGolden();
    }

    [Test]
    public void UnlockRemovesTheLockRecordsWhoAndWhenAndSaysTheFlagStays()
    {
        using var temp = new TempFolder();
        temp.Write("cdt.conf", Config);
        var store = new ScheduleStateStore(LocalFileStore.Instance, temp.File(".cdt-state"));
        store.Write(ScheduleState.New("nightly", At("2026-11-01T00:00:00Z")) with
        {
            WarningFlag = new FlagRecord { SetAt = At("2026-11-21T00:34:30Z"), Reason = "Update download failed: x" },
            UpdateLock = new UpdateLockRecord { SetAt = At("2026-11-21T03:05:00Z"), Reason = "the run failed" },
        });

        var first = SchedulingCli.Run(temp.Path, Noon, "unlock", "--schedule", "nightly");
        var again = SchedulingCli.Run(temp.Path, Noon, "unlock");

        first.ExitCode.ShouldBe(0);
        first.Out.ShouldBe("""
            nightly: update lock removed by alice (it was set at 2026-11-21T03:05:00+00:00: the run failed)
            nightly: the warning flag stays (Update download failed: x): only a complete, checksum-verified download clears it

            """.ReplaceLineEndings("\n"));
        store.Read("nightly").State!.LastUnlock.ShouldBe(new UnlockRecord { By = "alice", At = Noon.GetUtcNow(), LockReason = "the run failed" });
        store.Read("nightly").State!.WarningFlag.ShouldNotBeNull();
        again.Out.ShouldStartWith("nightly: no update lock\n");
        again.Out.ShouldContain("weekly: no update lock\n");
    }

    [Test]
    public void UnlockOfAScheduleThatDoesNotExistIsBadInput()
    {
        using var temp = new TempFolder();
        temp.Write("cdt.conf", Config);

        var r = SchedulingCli.Run(temp.Path, Noon, "unlock", "--schedule", "monthly");

        r.ExitCode.ShouldBe(2);
        r.Error.ShouldContain("no schedule named 'monthly' (there are: nightly, weekly)");
    }

    [Test]
    public void RunDueWithNothingDueSaysWhatComesNextAndExitsZero()
    {
        using var temp = new TempFolder();
        temp.Write("cdt.conf", Config);

        var r = SchedulingCli.Run(temp.Path, Noon, "run-due");

        r.ExitCode.ShouldBe(0, r.Error);
        r.Out.ShouldBe("""
            nightly: nothing due; next: preparation window at 2026-11-22T01:30:00+01:00 Europe/Paris (2026-11-22T00:30:00+00:00)
            weekly: nothing due; next: install window at 2026-11-22T03:00:00-05:00 America/New_York (2026-11-22T08:00:00+00:00)

            """.ReplaceLineEndings("\n"));
        File.Exists(temp.File(".cdt-state/nightly.json")).ShouldBeTrue("the first pass records when cdt first saw the schedule");
    }

    [Test]
    public void RunDueWhileTheUpdateLockIsSetSkipsTheWindowAndExitsLocked()
    {
        using var temp = new TempFolder();
        temp.Write("cdt.conf", Config);
        new ScheduleStateStore(LocalFileStore.Instance, temp.File(".cdt-state")).Write(ScheduleState.New("nightly", At("2026-11-21T00:00:00Z")) with
        {
            PreparationCursor = At("2026-11-21T00:30:00Z"),
            UpdateLock = new UpdateLockRecord { SetAt = At("2026-11-20T03:05:00Z"), Reason = "the run failed" },
        });
        var clock = ManualClock.At("2026-11-21T01:31:00Z");

        var r = SchedulingCli.Run(temp.Path, clock, "run-due", "--schedule", "nightly");

        r.ExitCode.ShouldBe(6);
        r.Out.ShouldStartWith("nightly: install window skipped: update lock; next: ");
        r.Error.ShouldContain("error: Schedule nightly: install window 2026-11-21T02:30:00+01:00 Europe/Paris (2026-11-21T01:30:00+00:00) skipped: the update lock is set (the run failed)");
    }

    [Test]
    public void AManualExecuteRefusesWhileAnUpdateLockIsSetUnlessTold()
    {
        using var temp = new TempFolder();
        temp.Write("cdt.conf", Config);
        new ScheduleStateStore(LocalFileStore.Instance, temp.File(".cdt-state")).Write(ScheduleState.New("weekly", At("2026-11-01T00:00:00Z")) with
        {
            UpdateLock = new UpdateLockRecord { SetAt = At("2026-11-15T09:00:00Z"), Reason = "the run failed" },
        });
        temp.Write("list.csv", "Object Name,Cluster Name,IP Address,Version,State,Upgrade Order\n");

        var refused = SchedulingCli.Run(temp.Path, Noon, "execute", "list.csv");
        var told = SchedulingCli.Run(temp.Path, Noon, "execute", "list.csv", "--ignore-lock");

        refused.ExitCode.ShouldBe(6);
        refused.Error.ShouldBe("cdt: schedule 'weekly': update lock set at 2026-11-15T09:00:00+00:00: the run failed; check the fleet, then run 'cdt unlock --schedule weekly', or pass --ignore-lock\n");
        told.Error.ShouldNotContain("update lock");
        told.Error.ShouldContain("inventory file not found", customMessage: "past the lock check, execute reads the inventory");
    }

    private static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture);
}
