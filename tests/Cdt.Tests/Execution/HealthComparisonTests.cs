using Cdt.Execution.Health;
using Cdt.Gaia.Health;
using NUnit.Framework;
using Shouldly;

namespace Cdt.Tests.Execution;

public class HealthComparisonTests
{
    private static readonly HealthSnapshot Before = new()
    {
        Cluster = new ClusterHealth("STANDBY", true, "local STANDBY"),
        Policy = new InstalledPolicy("Standard", "Tue Nov 17 22:04:11 2026"),
        Routes = new RouteSummary(100),
        Interfaces = [new LinkState("eth0", true), new LinkState("eth1", true), new LinkState("eth2", false)],
        Processes = [new WatchedProcess("CPD", "E"), new WatchedProcess("FWD", "E")],
        Licences = [new Licence("192.0.2.1", "never", ["CPSB-FW"])],
    };

    private static IReadOnlyList<HealthFinding> Compare(HealthSnapshot after) => HealthComparison.Compare(Before, after, 0.05);

    [Test]
    public void TheSameHealthHasNoFinding() => Compare(Before).ShouldBeEmpty();

    [TestCase("InitialPolicy")]
    [TestCase("defaultfilter")]
    [TestCase("")]
    public void APolicyGoneOrFallenBackIsAFinding(string name) =>
        Compare(Before with { Policy = new InstalledPolicy(name, null) }).Single().ShouldBe(
            new HealthFinding(HealthFinding.Policy, null, "Standard (installed Tue Nov 17 22:04:11 2026)", name.Length == 0 ? "no policy" : name));

    [Test]
    public void AnotherRealPolicyIsNotAFinding() => Compare(Before with { Policy = new InstalledPolicy("Standard_v2", "Wed") }).ShouldBeEmpty();

    [Test]
    public void AClusterMemberNotBackToActiveOrStandbyIsAFinding()
    {
        var finding = Compare(Before with { Cluster = new ClusterHealth("DOWN", false, "local DOWN; member cl-a-m2 is DOWN, expected STANDBY") }).Single();

        finding.Kind.ShouldBe(HealthFinding.Cluster);
        finding.Before.ShouldBe("STANDBY");
        finding.After.ShouldStartWith("local DOWN");
    }

    [Test]
    public void AnInterfaceDownThatWasUpIsAFindingButOneAlreadyDownIsNot()
    {
        var after = Before with { Interfaces = [new LinkState("eth0", true), new LinkState("eth1", false), new LinkState("eth2", false)] };

        Compare(after).ShouldBe([new HealthFinding(HealthFinding.Interface, "eth1", "up", "down")]);
    }

    [Test]
    public void AWatchedProcessStoppedOrMissingIsAFinding()
    {
        var after = Before with { Processes = [new WatchedProcess("FWD", "T")] };

        Compare(after).Select(f => f.Text).ShouldBe(["process CPD: before running (E), after not watched any more", "process FWD: before running (E), after not running (T)"]);
    }

    [TestCase(95, false)]
    [TestCase(105, false)]
    [TestCase(94, true)]
    [TestCase(106, true)]
    public void RoutesChangedByMoreThanTheToleranceAreAFinding(int after, bool finding) =>
        Compare(Before with { Routes = new RouteSummary(after) }).Any(f => f.Kind == HealthFinding.Routes).ShouldBe(finding);

    [Test]
    public void TheRoutesFindingSaysByHowMuch() =>
        Compare(Before with { Routes = new RouteSummary(7) }).Single().Text.ShouldBe("routes: before 100 routes, after 7 routes (-93%, tolerance 5%)");

    [Test]
    public void APartReadBeforeButUnreadableAfterIsAFinding()
    {
        var after = Before with { Processes = null, Unread = new Dictionary<string, string> { [HealthSnapshot.ProcessesPart] = "no answer" } };

        Compare(after).Single().Text.ShouldBe("process: before 2 running, after unreadable (no answer)");
    }

    [Test]
    public void LicencesAreRecordedButNotCompared() => Compare(Before with { Licences = [] }).ShouldBeEmpty();
}
