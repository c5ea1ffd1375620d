using Cdt.Tests.Support;
using NUnit.Framework;
using Shouldly;

namespace Cdt.Tests.Execution;

/// <summary>What cdt sends to one gateway in a Basic install: every round trip, counted at the shell (file copies included).</summary>
public class RoundTripTests
{
    private const string OneGateway = "gateways:\n  - { name: gw-1, ip: 10.1.1.1, version: R81.20 }\n";

    [Test]
    public void AStandaloneGatewayIsCheckedSentImportedVerifiedInstalledAndConfirmedInAtMostNineRoundTrips()
    {
        using var h = new EngineHarness(OneGateway);
        RecordingShell? shell = null;
        h.WrapShell = s => shell = new RecordingShell(s);
        h.Generate();

        var outcome = h.Execute();

        outcome.Run.Succeeded.ShouldBe(1);
        h.World.Gateways["gw-1"].InstallCount.Values.ShouldBe([1]);
        var sent = shell!.SentTo("gw-1");
        string.Join("\n", sent).ShouldMatchTestGolden();
        sent.Count.ShouldBeLessThanOrEqualTo(9, string.Join("\n", sent));
    }

    [Test]
    public void AClishLoginGatewayIsAskedOneQuestionAtATimeAndIsInstalledAsWell()
    {
        using var h = new EngineHarness(OneGateway.Replace("version: R81.20", "version: R81.20, shell: clish", StringComparison.Ordinal));
        RecordingShell? shell = null;
        h.WrapShell = s => shell = new RecordingShell(s);
        h.Generate();

        var outcome = h.Execute();

        outcome.Run.Succeeded.ShouldBe(1);
        h.World.Gateways["gw-1"].InstallCount.Values.ShouldBe([1]);
        var sent = shell!.SentTo("gw-1");
        string.Join("\n", sent).ShouldMatchTestGolden();
        sent.ShouldNotContain(c => c.Contains(';', StringComparison.Ordinal) || c.Contains("clish -c", StringComparison.Ordinal));
    }

    [Test]
    public void AClusterXlPairKeepsItsChecksAndReadsNoStateTwiceInARow()
    {
        using var h = new EngineHarness(Fleets.Clusters(Fleets.HaPair));
        RecordingShell? shell = null;
        h.WrapShell = s => shell = new RecordingShell(s);
        h.Generate();

        var outcome = h.Execute();

        outcome.Run.Succeeded.ShouldBe(2);
        var all = shell!.All;
        string.Join("\n", all).ShouldMatchTestGolden();
        // Pre-check, the standby back as standby, the failover, the cluster settled: each read once on each member.
        all.Count(c => c.EndsWith(": cphaprob state", StringComparison.Ordinal)).ShouldBe(8);
        shell.SentTo("cl-a-m1").Count.ShouldBeLessThanOrEqualTo(9 + 6, "a member's own 9, plus 4 cluster state reads and clusterXL_admin down and up");
        shell.SentTo("cl-a-m2").Count.ShouldBeLessThanOrEqualTo(9 + 4);
    }
}
