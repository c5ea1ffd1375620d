using Cdt.Execution;
using Cdt.Tests.Support;
using NUnit.Framework;
using Shouldly;

namespace Cdt.Tests.Execution;

public class ResumeTests
{
    private static readonly string Fleet = Fleets.Standalone(2) + Fleets.Clusters(Fleets.HaPair);
    private static readonly (string, string)[] Batches = [("gw01", "1"), ("gw02", "2"), ("cl-a", "2")];

    [Test]
    public void KillingTheRunnerAtEveryStepBoundaryThenResumingInstallsEverythingExactlyOnce()
    {
        int total;
        using (var full = new EngineHarness(Fleet))
        {
            full.Generate(Batches);
            var count = Watch(full);
            full.Execute().Run.Succeeded.ShouldBe(4);
            total = count.Events.Count;
        }

        total.ShouldBeGreaterThan(60);
        for (var k = 1; k < total; k++)
        {
            using var h = new EngineHarness(Fleet);
            h.Generate(Batches);
            var journal = KillAt(h, k);

            var resumed = h.Execute(resume: true);

            resumed.Run.Succeeded.ShouldBe(4, $"killed after event {k}: {journal}");
            resumed.Run.Failed.ShouldBe(0);
            h.World.Gateways.Values.ShouldAllBe(g => g.InstallCount.GetValueOrDefault("Hotfix T92") == 1, $"killed after event {k}");
            h.World.Violations.ShouldBeEmpty($"killed after event {k}");
            h.World.Gateways["cl-a-m1"].AdminDown.ShouldBeFalse($"killed after event {k}");
        }
    }

    [Test]
    public void AfterAKillPastTheDeadlineTheStartedBatchFinishesAndNoNewBatchStarts()
    {
        using var h = new EngineHarness(Fleet);
        h.Generate(Batches);
        var deadline = h.Clock.GetUtcNow() + TimeSpan.FromHours(3);
        var watch = Watch(h);
        watch.OnIndex = i =>
        {
            if (watch.Events[^1] is { Event: RunEvents.StepStarted, Step: "install", Target: "gw01" })
            {
                throw new OperationCanceledException("killed");
            }
        };
        Should.Throw<OperationCanceledException>(() => h.Execute(deadline: deadline));
        h.Observers.Clear();
        h.Clock.AdvanceTo(deadline + TimeSpan.FromMinutes(1));

        var resumed = h.Execute(resume: true);

        resumed.Run.Succeeded.ShouldBe(1);
        resumed.Run.NotStarted.ShouldBe(3);
        resumed.Run.Stop.ShouldBe(RunStop.Deadline);
        h.World.Gateways["gw01"].InstallCount["Hotfix T92"].ShouldBe(1);
        h.World.Gateways["gw02"].InstallCount.ShouldBeEmpty();
    }

    [Test]
    public void ASecondExecuteOfTheSameListIsRefusedWhileOneRuns()
    {
        using var h = new EngineHarness(Fleets.Standalone(1));
        h.Generate();
        var lockPath = h.ListPath + ".lock";
        LockFiles.HeldByThisProcess(lockPath, "cdt execute list.csv");

        var e = Should.Throw<Cdt.Diagnostics.LockHeldException>(() => h.Execute());

        e.Message.ShouldContain($"PID {Environment.ProcessId}");
        h.World.CommandLog.ShouldBeEmpty();
    }

    [Test]
    public void AStaleLockFromADeadProcessIsTakenOver()
    {
        using var h = new EngineHarness(Fleets.Standalone(1));
        h.Generate();
        LockFiles.Stale(h.ListPath + ".lock", "cdt execute list.csv");

        h.Execute().Run.Succeeded.ShouldBe(1);
        File.Exists(h.ListPath + ".lock").ShouldBeFalse();
    }

    [Test]
    public void FailedTargetsRunAgainOnlyWithRetryFailed()
    {
        using var h = new EngineHarness(Fleets.Standalone(2, simulation: "{ faults: [verify_refuses] }"));
        h.Generate();
        h.Execute().Run.Failed.ShouldBe(2);

        h.Execute(resume: true).Run.Failed.ShouldBe(2);
        h.World.CommandLog.Count(c => c.Contains("installer verify", StringComparison.Ordinal)).ShouldBe(2);
        foreach (var g in h.World.Gateways.Values)
        {
            g.Faults.Clear();
        }

        var retried = h.Execute(resume: true, retryFailed: true);

        retried.Run.Succeeded.ShouldBe(2);
        h.World.Gateways.Values.ShouldAllBe(g => g.InstallCount["Hotfix T92"] == 1);
    }

    /// <summary>
    /// Stops the run right after its k-th event and leaves the journal exactly as a kill -9 at that
    /// moment would: the first k lines.
    /// </summary>
    private static string KillAt(EngineHarness h, int k)
    {
        using var control = new RunControl();
        var watch = Watch(h);
        watch.OnIndex = i =>
        {
            if (i == k)
            {
                control.Abort();
            }
        };
        ExecuteOutcome? outcome = null;
        try
        {
            outcome = h.Execute(control: control);
        }
        catch (OperationCanceledException)
        {
        }

        h.Observers.Clear();
        var journal = Directory.GetFiles(Path.Combine(h.Folder, "logs"), ExecutionService.JournalName, SearchOption.AllDirectories).Single();
        var lines = File.ReadAllLines(journal);
        File.WriteAllLines(journal, lines.Take(k));
        return outcome is null ? watch.Events[k - 1].Event + " " + watch.Events[k - 1].Target + " " + watch.Events[k - 1].Step : "ran to the end";
    }

    private static RecordingObserver Watch(EngineHarness h)
    {
        var watch = new RecordingObserver(unit => h.Inventory.FindCluster(unit)?.Members.Count ?? 1);
        h.Observers.Add(watch);
        return watch;
    }
}
