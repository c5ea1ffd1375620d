using Cdt.Tests.Plans;
using Cdt.Tests.Support;
using NUnit.Framework;
using Shouldly;

namespace Cdt.Tests.Execution;

/// <summary>The check compares the gateway's live version with the package's versions, whatever the list says.</summary>
public class LiveVersionCheckTests
{
    [Test]
    public void AGatewayTheListCallsEligibleButThatRunsAnotherVersionFailsBeforeAnythingIsSentAndTheOthersGoOn()
    {
        using var h = new EngineHarness(Fleets.Standalone(3));
        RecordingShell? shell = null;
        h.WrapShell = s => shell = new RecordingShell(s);
        h.Generate();
        // The list was generated while gw02 ran R81.20; it runs R80.40 by the time the run starts.
        h.World.Gateways["gw02"].Version = "R80.40";

        var outcome = h.Execute();

        outcome.Run.Succeeded.ShouldBe(2);
        outcome.Run.Failed.ShouldBe(1);
        File.ReadLines(outcome.ResultsPath).Single(l => l.StartsWith("gw02,", StringComparison.Ordinal))
            .ShouldContain("check: version R80.40 is not one the package applies to (R81.20); nothing was sent");
        var sent = shell!.SentTo("gw02");
        sent.Count.ShouldBe(1, string.Join("\n", sent));
        sent[0].ShouldStartWith("fw ver; ");
        h.World.Gateways["gw02"].Files.ShouldBeEmpty();
        h.World.Gateways["gw02"].InstallCount.ShouldBeEmpty();
        h.World.Gateways["gw01"].InstallCount["Hotfix T92"].ShouldBe(1);
        h.World.Gateways["gw03"].InstallCount["Hotfix T92"].ShouldBe(1);
    }

    [Test]
    public void AnUpgradeAlreadyReachedIsInPlaceEvenThoughTheVersionIsNoLongerOneItAppliesTo()
    {
        using var h = new EngineHarness(Fleets.Standalone(1));
        h.UseUpgrade(connectivityUpgrade: false);
        h.Generate();
        h.World.Gateways["gw01"].Version = "R82";

        var outcome = h.Execute();

        outcome.Run.Succeeded.ShouldBe(1);
        File.ReadAllText(outcome.ResultsPath).ShouldContain("already installed");
        h.World.Gateways["gw01"].InstallCount.ShouldBeEmpty();
    }

    [Test]
    public void APlansInstallOnAGatewayRunningAnotherVersionFailsBeforeAnythingIsSent()
    {
        using var h = new PlanRunHarness(Fleets.Standalone(2));
        var plan = h.Plan("""
            actions:
              - action: install_package
                path: pkg_R81_20_T92.tgz
                name: Hotfix T92
            """);
        h.Engine.World.Gateways["gw01"].Version = "R80.40";

        var outcome = h.Execute(plan);

        outcome.Run.Failed.ShouldBe(1);
        outcome.Run.Succeeded.ShouldBe(1);
        PlanRunHarness.Finished(outcome, "gw01").Message!.ShouldContain("version R80.40 is not one the package applies to (R81.20); nothing was sent");
        h.Engine.World.Gateways["gw01"].Files.ShouldBeEmpty();
        h.Engine.World.Gateways["gw01"].InstallCount.ShouldBeEmpty();
        h.Engine.World.Gateways["gw02"].InstallCount["Hotfix T92"].ShouldBe(1);
    }
}
