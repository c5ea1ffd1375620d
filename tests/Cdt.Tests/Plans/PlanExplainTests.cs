using Cdt.Tests.Support;
using NUnit.Framework;
using Shouldly;

namespace Cdt.Tests.Plans;

public class PlanExplainTests
{
    private const string List = """
        Object Name,Cluster Name,IP Address,Version,State,Upgrade Order
        gw-paris-01,,10.1.1.1,R81.20,,1
        gw-rome-01,,10.2.2.1,R80.40,,N/A
        gw-oslo-01,,10.1.4.1,R81.20,,2
        cl-dublin-m1,cl-dublin,10.3.2.1,R81.20,standby,2
        cl-dublin-m2,cl-dublin,10.3.2.2,R81.20,active,2
        cl-dublin-m3,cl-dublin,10.3.2.3,R81.20,standby,2
        cl-london-m1,cl-london,10.3.1.1,R81.20,active,3
        cl-london-m2,cl-london,10.3.1.2,R81.20,standby,3
        cl-vienna-m1,cl-vienna,10.3.3.1,R81.20,master,-
        cl-vienna-m2,cl-vienna,10.3.3.2,R81.20,backup,-
        cl-zurich-m1,cl-zurich,10.3.4.1,R81.20,VSLS active member,3
        cl-zurich-m2,cl-zurich,10.3.4.2,R81.20,VSLS member,3
        sg-lyon-1_1,sg-lyon,10.4.1.1,R81.20,up,4
        sg-lyon-1_2,sg-lyon,10.4.1.1,R81.20,up,4
        """;

    [TestCaseSource(typeof(PlanReaderTests), nameof(PlanReaderTests.SamplePlans))]
    public async Task EachSamplePlanIsExplainedForEveryKindOfTarget(string relative)
    {
        var outcome = await CliRunner.RunAsync(TestPaths.RepoRoot, "plan", "explain", relative);

        outcome.ExitCode.ShouldBe(0, outcome.Error);
        outcome.Out.ShouldMatchGolden("explained." + Path.GetFileName(relative));
    }

    [Test]
    public async Task WithACandidatesListOnlyTheKindsWithABatchAreExplainedUsingItsOwnNames()
    {
        using var temp = new TempFolder();
        temp.Write("list.csv", List);

        var outcome = await CliRunner.RunAsync(temp.Path, "plan", "explain", TestPaths.Repo("plans/jhf-install.yml"), "--candidates", "list.csv");

        outcome.ExitCode.ShouldBe(0, outcome.Error);
        outcome.Out.ShouldNotContain("VRRP");
        outcome.Out.ShouldMatchGolden("explained.jhf-install.yml.with-candidates");
    }

    [Test]
    public async Task AnUpgradeIsExplainedWithTheVersionItReachesAndConnectivityUpgrade()
    {
        using var temp = new TempFolder();
        temp.Write("Check_Point_R82_T777_Fresh_Install_and_Upgrade.tgz", "upgrade");
        temp.Write("p.yml", "connectivity_upgrade: true\nactions:\n  - action: upgrade_package\n    path: Check_Point_R82_T777_Fresh_Install_and_Upgrade.tgz\n    versions: [R81.20]\n");

        var outcome = await CliRunner.RunAsync(temp.Path, "plan", "explain", "p.yml");

        outcome.ExitCode.ShouldBe(0, outcome.Error);
        outcome.Out.ShouldMatchGolden("explained.upgrade");
    }

    [Test]
    public async Task APlanWithProblemsIsNotExplained()
    {
        using var temp = new TempFolder();
        temp.Write("p.yml", "actions:\n  - action: execute_command\n    command: reboot; rm -rf /\n");

        var outcome = await CliRunner.RunAsync(temp.Path, "plan", "explain", "p.yml");

        outcome.ExitCode.ShouldBe(2);
        outcome.Out.ShouldBeEmpty();
        outcome.Error.ShouldStartWith(Path.Combine(temp.Path, "p.yml") + ":3:14: execute_command: command 'reboot; rm -rf /' has characters cdt never sends");
    }

    [Test]
    public async Task AnUnreadableCandidatesListIsBadInput()
    {
        using var temp = new TempFolder();
        temp.Write("list.csv", "Object Name;Cluster Name;IP Address;Version;State;Upgrade Order\ngw;;10.1.1.1;R81.20;;1\n");

        var outcome = await CliRunner.RunAsync(temp.Path, "plan", "explain", TestPaths.Repo("plans/jhf-install.yml"), "--candidates", "list.csv");

        outcome.ExitCode.ShouldBe(2);
        outcome.Error.ShouldContain("semicolons");
    }
}
