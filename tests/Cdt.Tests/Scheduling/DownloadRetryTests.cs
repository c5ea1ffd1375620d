using System.Globalization;
using Cdt.Scheduling;
using NUnit.Framework;
using Shouldly;

namespace Cdt.Tests.Scheduling;

/// <summary>The seed's sequence: 10 attempts ahead, then the warning flag, 10 more right before the install, then the update lock.</summary>
public class DownloadRetryTests
{
    [Test]
    public void TenFailedAttemptsAheadSetTheWarningFlagAndTheRetriesBeforeTheInstallClearIt()
    {
        using var h = new SchedulerHarness("2026-11-20T12:00:00Z");
        h.Fleet.FailuresLeft["gw-b"] = 15;

        h.RunDaemon(new ListLogger(), "2026-11-21T01:00:00Z");
        var flagged = h.State;
        h.RunDaemon(new ListLogger(), "2026-11-21T12:00:00Z");

        flagged.WarningFlag!.Reason.ShouldBe("Update download failed: pkg.tgz not on gw-b (10 attempts: connection dropped: scp: Connection closed)");
        flagged.WarningFlag.SetAt.ShouldBe(At("2026-11-21T00:34:30Z"), "ten attempts from 00:30, nine pauses of 30 s");
        flagged.LastPreparation!.Outcome.ShouldBe("failed");
        var done = h.State;
        done.WarningFlag.ShouldBeNull();
        done.Download!.Targets.Single(t => t.Name == "gw-b").ShouldBe(new TargetDownload { Name = "gw-b", Verified = true, AheadAttempts = 10, FinalAttempts = 6 });
        h.Fleet.Attempts.ShouldBe(new Dictionary<string, int> { ["gw-a"] = 1, ["gw-b"] = 16, ["gw-c"] = 1 }, ignoreOrder: true);
        h.Launcher.Calls.ShouldHaveSingleItem().At.ShouldBe(At("2026-11-21T01:32:30Z"), "five failed attempts from 01:30, then a good one after five pauses of 30 s");
        done.LastRun!.Outcome.ShouldBe(RunOutcome.Succeeded);
        done.UpdateLock.ShouldBeNull();
    }

    [Test]
    public void TwentyFailedAttemptsMeanNoInstallAndTheUpdateLock()
    {
        using var h = new SchedulerHarness("2026-11-20T12:00:00Z");
        h.Fleet.FailuresLeft["gw-b"] = 25;
        var log = new ListLogger();

        h.RunDaemon(log, "2026-11-21T12:00:00Z");

        h.Launcher.Calls.ShouldBeEmpty();
        h.Fleet.Attempts["gw-b"].ShouldBe(20);
        var state = h.State;
        state.Download!.Targets.Single(t => t.Name == "gw-b").ShouldBe(new TargetDownload
        {
            Name = "gw-b",
            AheadAttempts = 10,
            FinalAttempts = 10,
            LastError = "connection dropped: scp: Connection closed",
        });
        state.LastRun!.Outcome.ShouldBe(RunOutcome.DownloadFailed);
        state.LastRun.Pending.ShouldBe(3);
        state.WarningFlag.ShouldNotBeNull();
        state.UpdateLock!.Reason.ShouldStartWith("the scheduled run of the install window 2026-11-21T02:30:00+01:00 Europe/Paris failed (not installed: download failed: installed 0, failed 0, pending 3; Update download failed: pkg.tgz not on gw-b (20 attempts");
        h.Mail.Sent.Select(m => m.Subject).ShouldBe([
            "[cdt] nightly: install window started",
            "[cdt] nightly: install window not installed: download failed",
            "[cdt] nightly: FAILED, update lock set",
        ]);
    }

    [Test]
    public void AFewFailuresAheadNeverRaiseTheFlag()
    {
        using var h = new SchedulerHarness("2026-11-20T12:00:00Z");
        h.Fleet.FailuresLeft["gw-a"] = 3;
        var log = new ListLogger();

        h.RunDaemon(log, "2026-11-21T12:00:00Z");

        h.Fleet.Attempts["gw-a"].ShouldBe(4);
        h.State.Download!.Targets[0].AheadAttempts.ShouldBe(4);
        log.Lines.ShouldNotContain(l => l.Contains("warning flag", StringComparison.Ordinal));
        h.Launcher.Calls.Count.ShouldBe(1);
    }

    [Test]
    public void UnlockLeavesTheFlagWhichOnlyACompleteDownloadClears()
    {
        using var h = new SchedulerHarness("2026-11-20T12:00:00Z");
        h.Fleet.FailuresLeft["gw-b"] = 25;
        h.RunDaemon(new ListLogger(), "2026-11-21T12:00:00Z");

        var unlocked = Tests.Support.DeterministicRunner.Run(h.Clock, () => UpdateLocks.UnlockAsync(h.Ports(new ListLogger(), 4242, "cdt unlock"), [h.Schedule], "alice", CancellationToken.None));

        unlocked.ShouldHaveSingleItem().FlagStillSet.ShouldNotBeNull();
        h.State.UpdateLock.ShouldBeNull();
        h.State.WarningFlag.ShouldNotBeNull();

        h.RunDaemon(new ListLogger(), "2026-11-22T12:00:00Z");

        h.Fleet.Attempts["gw-b"].ShouldBe(26, "the five failures left, then one good copy");
        h.State.WarningFlag.ShouldBeNull();
        h.State.LastPreparation!.Outcome.ShouldBe("downloaded");
        h.Launcher.Calls.ShouldHaveSingleItem();
    }

    [Test]
    public void WithoutAPreparationWindowThePackageIsSentRightBeforeTheInstall()
    {
        using var h = new SchedulerHarness("2026-11-20T12:00:00Z", SchedulerHarness.Nightly.Replace("preparation: \"30 1 * * *\"", "start_grace: 5m", StringComparison.Ordinal));

        h.RunDaemon(new ListLogger(), "2026-11-21T12:00:00Z");

        h.State.Download!.Targets.ShouldAllBe(t => t.Verified && t.AheadAttempts == 0 && t.FinalAttempts == 1);
        h.Launcher.Calls.ShouldHaveSingleItem();
    }

    private static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture);
}
