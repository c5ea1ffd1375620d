using Cdt.Execution;
using Cdt.Simulation;
using Cdt.Tests.Support;
using NUnit.Framework;
using Shouldly;

namespace Cdt.Tests.Execution;

/// <summary>
/// A kill while gateways reboot after their install, then <c>cdt resume</c> on the simulated fleet
/// the run folder kept: the rebooting gateways are waited for, not failed, and nothing is installed twice.
/// </summary>
public class ResumeAfterRebootTests
{
    private static readonly string[] Gateways = ["gw01", "gw02", "gw03"];

    [Test]
    public void GatewaysRebootingAtTheKillAreWaitedForAndInstalledExactlyOnce()
    {
        using var h = new EngineHarness(Fleets.Standalone(3)) { KeepWorldInRunFolder = true };
        h.Generate();
        var atKill = KillWhenRebooting(h, Gateways);
        atKill.Gateways.Values.ShouldAllBe(g => g.InstallCount["Hotfix T92"] == 1 && g.DownUntil > h.Clock.GetUtcNow());

        var resumed = h.Execute(resume: true);

        resumed.Run.Succeeded.ShouldBe(3, File.ReadAllText(resumed.JournalPath));
        resumed.Run.Failed.ShouldBe(0);
        h.SavedWorld().Gateways.Values.ShouldAllBe(g => g.InstallCount["Hotfix T92"] == 1 && g.Reboots == 1);
        var events = RunJournal.Read(Cdt.Host.LocalFileStore.Instance, resumed.JournalPath);
        foreach (var name in Gateways)
        {
            events.ShouldContain(e => e.Event == RunEvents.StepFinished && e.Target == name && e.Step == InterruptedReboot.StepName && e.Status == "ok", name);
            events.Last(e => e.Event == RunEvents.TargetFinished && e.Target == name).Message.ShouldBe("installed by the interrupted attempt (found installed on resume)");
        }
    }

    [Test]
    public void AGatewayThatNeverComesBackFailsAfterTheRebootTimeoutNotAtOnce()
    {
        using var h = new EngineHarness(Fleets.Standalone(1)) { KeepWorldInRunFolder = true };
        h.Generate();
        var killedAt = KillWhenRebooting(h, ["gw01"]).Clock;
        var path = Directory.GetFiles(Path.Combine(h.Folder, "logs"), SimWorldFile.Name, SearchOption.AllDirectories).Single();
        var world = SimWorldFile.Load(Cdt.Host.LocalFileStore.Instance, path, h.Clock.GetUtcNow());
        world.Gateways["gw01"].DownUntil = DateTimeOffset.MaxValue;
        world.Events.RemoveAll(e => e.Gateway == "gw01");
        SimWorldFile.Save(Cdt.Host.LocalFileStore.Instance, path, world);

        var resumed = h.Execute(resume: true);

        resumed.Run.Failed.ShouldBe(1);
        var finished = RunJournal.Read(Cdt.Host.LocalFileStore.Instance, resumed.JournalPath).Last(e => e.Event == RunEvents.TargetFinished);
        finished.Message.ShouldStartWith("reboot_wait: install of the interrupted attempt: the gateway did not answer within reboot_timeout");
        (DateTimeOffset.Parse(finished.At, System.Globalization.CultureInfo.InvariantCulture) - killedAt).ShouldBeGreaterThanOrEqualTo(h.Config.Execute.RebootTimeout);
    }

    [Test]
    public void PastTheDeadlineAResumeStartsNoUnitThatHadNotStartedEvenInTheInterruptedBatch()
    {
        using var h = new EngineHarness(Fleets.Standalone(3), "max_parallel: 1") { KeepWorldInRunFolder = true };
        h.Generate();
        var deadline = h.Clock.GetUtcNow() + TimeSpan.FromHours(1);
        KillWhenRebooting(h, ["gw01"], deadline);
        h.Clock.AdvanceTo(deadline + TimeSpan.FromMinutes(1));

        var resumed = h.Execute(resume: true);

        resumed.Run.Succeeded.ShouldBe(1);
        resumed.Run.NotStarted.ShouldBe(2);
        resumed.Run.Stop.ShouldBe(RunStop.Deadline);
        var world = h.SavedWorld();
        world.Gateways["gw01"].InstallCount["Hotfix T92"].ShouldBe(1);
        world.Gateways["gw02"].InstallCount.ShouldBeEmpty();
        world.Gateways["gw03"].InstallCount.ShouldBeEmpty();
        var results = File.ReadAllLines(resumed.ResultsPath);
        results.Single(l => l.StartsWith("gw02,", StringComparison.Ordinal)).ShouldContain("not started: deadline");
        results.Single(l => l.StartsWith("gw03,", StringComparison.Ordinal)).ShouldContain("not started: deadline");
    }

    /// <summary>
    /// Runs until the saved world shows every one of <paramref name="rebooting"/> rebooting, then
    /// stops the run at once, leaving the journal and the saved world as a kill -9 would; returns that world.
    /// </summary>
    private static SimWorld KillWhenRebooting(EngineHarness h, IReadOnlyList<string> rebooting, DateTimeOffset? deadline = null)
    {
        using var control = new RunControl();
        SimWorld? seen = null;
        using var watch = h.Clock.CreateTimer(_ =>
        {
            if (seen is null && Directory.Exists(Path.Combine(h.Folder, "logs")) && h.SavedWorld() is var w && rebooting.All(n => w.Gateways[n].IsRebooting(h.Clock.GetUtcNow())))
            {
                seen = w;
                control.Abort();
            }
        }, null, TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(15));
        Should.Throw<OperationCanceledException>(() => h.Execute(control: control, deadline: deadline));
        return seen.ShouldNotBeNull();
    }
}
