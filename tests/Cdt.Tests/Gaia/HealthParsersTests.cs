using Cdt.Fleet;
using Cdt.Gaia;
using Cdt.Gaia.Health;
using Cdt.Transport;
using NUnit.Framework;
using Shouldly;

namespace Cdt.Tests.Gaia;

/// <summary>
/// The health snapshot's parsers on real layouts. Sources: <c>cpwd_admin list</c>'s columns (APP,
/// CTX on VSX, PID, STAT, #START, START_TIME, MON, COMMAND) from Check Point's R81 CLI Reference
/// (sc1.checkpoint.com/documents/R81/WebAdminGuides/EN/CP_R81_SecurityManagement_AdminGuide/Topics-SECMG/CLI/cpwd_admin.htm)
/// and a public watchdog script that splits that VSX header; <c>ip -o link show</c> is iproute2's
/// one-line layout; <c>cpstat -f policy fw</c>, <c>cplic print</c> and <c>show route summary</c>
/// follow the layouts of Check Point's CLI Reference Guide (no verbatim sample was found in the
/// reference material: docs/health.md says so, and the parsers read only the labelled lines).
/// </summary>
public class HealthParsersTests
{
    private const string Policy = """
        Product name:        Firewall
        Policy name:         Corporate_Policy
        Policy install time: Tue Nov 17 22:04:11 2026

        Interface table
        -----------------------------------------------------------------
        |Name|Dir|Total *|Accept**|Deny|Log|
        -----------------------------------------------------------------
        |eth0|in |  81234|   80990| 244|  0|
        """;

    private const string Watchdog = """
        APP        PID    STAT  #START  START_TIME             MON  COMMAND
        CPD        4500   E     1       [12:03:40] 7/4/2022    Y    cpd
        FWD        0      T     3       [12:03:51] 7/4/2022    N    fwd
        """;

    private const string VsxWatchdog = """
        APP        CTX        PID    STAT  #START  START_TIME             MON  COMMAND
        FWK_WD     0          5123   E     1       [12:03:40] 7/4/2022    N    fwk_wd -i 0
        FWK_WD     1          5124   E     1       [12:03:40] 7/4/2022    N    fwk_wd -i 1
        """;

    private const string Links = """
        1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN mode DEFAULT group default qlen 1000\    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00
        2: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc mq state UP mode DEFAULT group default qlen 1000\    link/ether 00:1c:7f:00:00:01 brd ff:ff:ff:ff:ff:ff
        3: eth1: <NO-CARRIER,BROADCAST,MULTICAST,UP> mtu 1500 qdisc mq state DOWN mode DEFAULT group default qlen 1000\    link/ether 00:1c:7f:00:00:02 brd ff:ff:ff:ff:ff:ff
        4: eth1.100@eth1: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP mode DEFAULT group default qlen 1000\    link/ether 00:1c:7f:00:00:02 brd ff:ff:ff:ff:ff:ff
        """;

    private const string Licences = """
        Host             Expiration  Features
        192.0.2.1        never       CPAP-SG6200 CPSB-FW CPSB-VPN CPSB-IPS CK-0A1B2C3D4E5F
        192.0.2.1        14Nov2027   CPSB-URLF CPSB-AV CK-ABCDEF123456

        Contract Coverage:

        #   ID          Expiration   SKU
        ===+===========+============+====================
        1  | 1A2B3C4D  | 18Nov2027  | CPSB-IPS-S-1Y
        """;

    private const string Routes = """
        CLINFR0771  Config lock is owned by admin. Use 'lock database override' to acquire the lock.
        IPv4 Routes

        Protocol        Routes
        Connected       4
        Static          3
        OSPF            35
        Total           42

        IPv6 Routes
        Total:          2
        """;

    [Test]
    public void ReadsThePolicyNameAndInstallTime()
    {
        var policy = HealthParsers.Policy(Policy).Value!;

        policy.ShouldBe(new InstalledPolicy("Corporate_Policy", "Tue Nov 17 22:04:11 2026"));
        policy.IsFallback.ShouldBeFalse();
    }

    [TestCase("InitialPolicy")]
    [TestCase("defaultfilter")]
    [TestCase("")]
    public void InitialPolicyDefaultFilterAndNoNameAreFallbacks(string name) =>
        HealthParsers.Policy("Product name: Firewall\nPolicy name:   " + name + "\n").Value!.IsFallback.ShouldBeTrue();

    [Test]
    public void APolicyAnswerWithoutItsNameIsNotUnderstood() =>
        HealthParsers.Policy("cpstat: Failed to connect to the Firewall\n").Error!.ShouldStartWith("no 'Policy name:' line");

    [Test]
    public void ReadsWatchedProcessesAndTheirState()
    {
        var processes = HealthParsers.Processes(Watchdog).Value!;

        processes.ShouldBe([new WatchedProcess("CPD", "E"), new WatchedProcess("FWD", "T")]);
        processes.Count(p => p.Running).ShouldBe(1);
    }

    [Test]
    public void ReadsTheVsxWatchdogLayoutWithItsContextColumn() =>
        HealthParsers.Processes(VsxWatchdog).Value!.Select(p => p.App).ShouldBe(["FWK_WD@0", "FWK_WD@1"]);

    [Test]
    public void ReadsLinksUpAndDownAndVlanNames() =>
        HealthParsers.Interfaces(Links).Value!.ShouldBe([new LinkState("lo", true), new LinkState("eth0", true), new LinkState("eth1", false), new LinkState("eth1.100", true)]);

    [Test]
    public void ReadsLicencesUpToTheContracts()
    {
        var licences = HealthParsers.Licences(Licences).Value!;

        licences.Count.ShouldBe(2);
        licences[1].Expiration.ShouldBe("14Nov2027");
        licences[0].Features.ShouldContain("CPSB-FW");
    }

    [Test]
    public void SumsTheRouteTotalsOfBothFamiliesPastTheLockNotice() =>
        HealthParsers.Routes(Routes).Value!.Total.ShouldBe(44);

    [Test]
    public void ARouteSummaryWithoutTotalIsNotUnderstood() =>
        HealthParsers.Routes("CLINFR0409  Invalid command:'show route summary'.\n").Ok.ShouldBeFalse();

    [Test]
    public void SplitsTheOneCommandsAnswerIntoItsParts()
    {
        var output = string.Concat(
            "cdt-health:cluster\n", "Cluster Mode:   High Availability (Active Up)\n\nID         Unique Address  Assigned Load   State          Name\n\n1 (local)  10.2.0.1        100%            ACTIVE         cl-a-m1\n2          10.2.0.2        0%              STANDBY        cl-a-m2\n\nActive PNOTEs: None\n",
            "cdt-health:policy\n", Policy, "\n",
            "cdt-health:routes\n", Routes, "\n",
            "cdt-health:interfaces\n", Links, "\n",
            "cdt-health:processes\n", Watchdog, "\n",
            "cdt-health:licences\n", Licences, "\n");

        var snapshot = HealthReader.Read(output);

        snapshot.Unread.ShouldBeEmpty();
        snapshot.Cluster!.LocalState.ShouldBe("ACTIVE");
        snapshot.Policy!.Name.ShouldBe("Corporate_Policy");
        snapshot.Routes!.Total.ShouldBe(44);
        snapshot.Interfaces!.Count.ShouldBe(4);
        snapshot.Processes!.Count.ShouldBe(2);
        snapshot.Licences!.Count.ShouldBe(2);
    }

    [Test]
    public void AStandaloneGatewayHasNoClusterPartAndAMissingCommandIsUnread()
    {
        var snapshot = HealthReader.Read("cdt-health:cluster\ncdt-health:policy\n" + Policy + "\ncdt-health:routes\n", "HA module not started.\nbash: cplic: command not found\n");

        snapshot.Cluster.ShouldBeNull();
        snapshot.WasRead(HealthSnapshot.ClusterPart).ShouldBeTrue();
        snapshot.Unread.Keys.ShouldBe([HealthSnapshot.RoutesPart, HealthSnapshot.InterfacesPart, HealthSnapshot.ProcessesPart, HealthSnapshot.LicencesPart], ignoreOrder: true);
    }

    [Test]
    public void TheSnapshotIsOneExpertCommandWithoutPipesOrRedirections()
    {
        var command = GaiaCommands.HealthSnapshotCommand(new Target { Name = "gw", Host = "192.0.2.1", Shell = LoginShell.Expert });

        command.ShouldNotContain("|");
        command.ShouldNotContain(">");
        command.ShouldContain("cphaprob state; echo cdt-health:policy; cpstat -f policy fw");
    }
}
