using Cdt.Config;
using Cdt.Execution;
using Cdt.Fleet;
using Cdt.Tests.Support;
using NUnit.Framework;
using Shouldly;

namespace Cdt.Tests.Execution;

public class PairFailureTests
{
    [Test]
    public void WhenTheSwitchoverDoesNotHappenTheActiveNodeIsNeverRebooted()
    {
        using var h = new ProcedureHarness(ProcedureFleets.Pair);
        h.World.Gateways["ap-billing-1"].Faults.Add(Fault.NoFailover);

        h.Run();

        h.Commands.ShouldNotContain(c => c.EndsWith("pairctl reboot", StringComparison.Ordinal));
        h.Outcome("ap-billing").ShouldContain("the switchover from ap-billing-1 to ap-billing-2 did not happen within 5m");
        h.Outcome("ap-billing").ShouldContain("ap-billing-1 carries the traffic");
        h.Status("ap-billing-1").ShouldBe(TargetStatus.Failed);
        h.Status("ap-billing-2").ShouldBe(TargetStatus.NotStarted);
        h.World.Gateways["ap-billing-1"].Reboots.ShouldBe(0);
        h.World.Violations.ShouldBeEmpty();
    }

    [Test]
    public void WhenVerifyFailsTrafficStaysOnTheOtherNodeAndIsNotSwitchedBack()
    {
        using var h = new ProcedureHarness(ProcedureFleets.Pair);
        h.World.Gateways["ap-billing-1"].Faults.Add(Fault.VerifyFails);

        h.Run();

        h.Outcome("ap-billing").ShouldStartWith("round 1: verify on ap-billing-1 ended with exit 1");
        h.Outcome("ap-billing").ShouldContain("ap-billing-2 is active and carries the traffic");
        h.Commands.ShouldNotContain("ap-billing-2: pairctl install --no-reboot");
        h.World.Gateways["ap-billing-2"].Role.ShouldBe(Cdt.Simulation.SimRole.Active);
    }

    [Test]
    public void WhenThePairNeverSyncsNothingMoreIsInstalled()
    {
        using var h = new ProcedureHarness(ProcedureFleets.Pair.Replace("update_rounds: 2", "update_rounds: 2, faults: [never_syncs]", StringComparison.Ordinal));

        h.Run();

        h.Outcome("ap-billing").ShouldContain("were not in sync within 30m after ap-billing-1's reboot");
        h.Commands.ShouldNotContain("ap-billing-2: pairctl install --no-reboot");
    }

    [Test]
    public void WhenTheInstallFailsNothingIsSwitchedOrRebooted()
    {
        using var h = new ProcedureHarness(ProcedureFleets.Pair);
        h.World.Gateways["ap-billing-1"].Faults.Add(Fault.InstallFails);

        h.Run();

        h.Commands.ShouldNotContain(c => c.EndsWith("pairctl switchover", StringComparison.Ordinal) || c.EndsWith("pairctl reboot", StringComparison.Ordinal));
        h.Outcome("ap-billing").ShouldStartWith("round 1: the install command on ap-billing-1 ended with exit 1; ap-billing-1 was not rebooted and still carries the traffic");
    }

    [Test]
    public void RoundsStopAtMaxRoundsAndSayThatUpdatesArePending()
    {
        using var h = new ProcedureHarness(ProcedureFleets.Pair.Replace("update_rounds: 2", "update_rounds: 5", StringComparison.Ordinal));

        var result = h.Run();

        result.Succeeded.ShouldBe(2);
        h.Outcome("ap-billing").ShouldEndWith("more updates are still pending after 3 round(s) (max_rounds): run again to install them");
        h.World.Gateways["ap-billing-1"].AppliedRounds.ShouldBe(3);
        h.World.Gateways["ap-billing-1"].Role.ShouldBe(Cdt.Simulation.SimRole.Active);
    }

    [Test]
    public void MissingCommandsAreReportedAndNothingIsTouched()
    {
        using var h = new ProcedureHarness(ProcedureFleets.Pair.Replace("      verify: pairctl verify\n", string.Empty, StringComparison.Ordinal));

        var result = h.Run();

        h.Commands.ShouldBeEmpty();
        h.Outcome("ap-billing").ShouldStartWith("no command configured for verify:");
        result.Failed.ShouldBe(2);
    }

    [Test]
    public void CommandsConfiguredInCdtConfServeEveryPairThatSetsNoneOfItsOwn()
    {
        var own = ProcedureFleets.Pair[..ProcedureFleets.Pair.IndexOf("    commands:", StringComparison.Ordinal)] + ProcedureFleets.Pair[ProcedureFleets.Pair.IndexOf("    members:", StringComparison.Ordinal)..];
        using var h = new ProcedureHarness(own)
        {
            ActivePassive = new ActivePassiveSettings
            {
                Commands = new PairCommands
                {
                    Active = "pairctl is-active", Switchover = "pairctl switchover", InSync = "pairctl in-sync", Install = "pairctl install --no-reboot",
                    Reboot = "pairctl reboot", Verify = "pairctl verify",
                },
            },
        };

        var result = h.Run();

        result.Succeeded.ShouldBe(2);
        h.Outcome("ap-billing").ShouldContain("installed in 1 round(s)");
    }

    [Test]
    public void ThePreCheckRefusesAPairThatIsNotInSync()
    {
        using var h = new ProcedureHarness(ProcedureFleets.Pair);
        h.World.Clusters["ap-billing"].InSync = false;

        h.Run();

        h.Outcome("ap-billing").ShouldStartWith("pre-check failed, nothing was touched: the pair is not in sync");
        h.Commands.ShouldNotContain(c => c.Contains("install", StringComparison.Ordinal));
    }

    [Test]
    public void CommandsAndTheirOutputNeverReachTheLogs()
    {
        using var h = new ProcedureHarness(ProcedureFleets.Pair);

        h.Run();

        h.Journal.ShouldNotContain(e => (e.Message ?? string.Empty).Contains("pairctl", StringComparison.Ordinal));
    }
}
