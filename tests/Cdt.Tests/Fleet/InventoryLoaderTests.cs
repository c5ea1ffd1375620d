using Cdt.Host;
using Cdt.Diagnostics;
using Cdt.Formats;
using Cdt.Yaml;
using Cdt.Fleet;
using Cdt.Tests.Support;
using NUnit.Framework;
using Shouldly;

namespace Cdt.Tests.Fleet;

public class InventoryLoaderTests
{
    private static IEnumerable<TestCaseData> BadInventories()
    {
        yield return Case("an unknown key of a gateway", """
            gateways:
              - name: gw-1
                ip: 10.0.0.1
                version: R81.20
                reachabel: false
            """, "fleet.yml:5:5: unknown setting 'reachabel' in a gateway");
        yield return Case("an unknown top-level key", """
            gateway:
              - { name: gw-1, ip: 10.0.0.1, version: R81.20 }
            """, "fleet.yml:1:1: unknown setting 'gateway' in the inventory (expected packages, gateways, clusters, security_groups)");
        yield return Case("an unknown key of a cluster member", """
            clusters:
              - name: cl
                type: clusterxl-ha
                version: R81.20
                members:
                  - { name: m1, ip: 10.0.1.1, role: active }
                  - { name: m2, ip: 10.0.1.2 }
            """, "fleet.yml:6:35: unknown setting 'role' in a cluster member");
        yield return Case("a name with a semicolon", """
            gateways:
              - { name: "gw;reboot", ip: 10.0.0.1, version: R81.20 }
            """, $"fleet.yml:2:13: 'gw;reboot' is not a valid object name: {Names.ObjectNameRule}");
        yield return Case("a name with a command substitution", """
            gateways:
              - name: gw$(id)
                ip: 10.0.0.1
                version: R81.20
            """, $"fleet.yml:2:11: 'gw$(id)' is not a valid object name: {Names.ObjectNameRule}");
        yield return Case("a name with a newline", """
            gateways:
              - { name: "gw\nreboot", ip: 10.0.0.1, version: R81.20 }
            """, $"fleet.yml:2:13: 'gw\\x0areboot' is not a valid object name: {Names.ObjectNameRule}");
        yield return Case("a cluster name with a pipe", """
            clusters:
              - name: cl|x
                type: vrrp
                version: R81.20
                members:
                  - { name: m1, ip: 10.0.1.1 }
                  - { name: m2, ip: 10.0.1.2 }
            """, $"fleet.yml:2:11: 'cl|x' is not a valid object name: {Names.ObjectNameRule}");
        yield return Case("a Security Group name with a backquote", """
            security_groups:
              - { name: "sg`id`", platform: maestro, ip: 10.0.2.1, version: R81.20, members: [1_1, 1_2] }
            """, $"fleet.yml:2:13: 'sg`id`' is not a valid object name: {Names.ObjectNameRule}");
        yield return Case("a short IPv4 address", """
            gateways:
              - { name: gw-1, ip: 10.1, version: R81.20 }
            """, "fleet.yml:2:23: '10.1' is not an IP address");
        yield return Case("an IP address out of range", """
            gateways:
              - { name: gw-1, ip: 10.0.0.256, version: R81.20 }
            """, "fleet.yml:2:23: '10.0.0.256' is not an IP address");
        yield return Case("a Security Group IP that is a host name", """
            security_groups:
              - { name: sg, platform: elasticxl, ip: sg.example.com, version: R81.20, members: [1_1, 1_2] }
            """, "fleet.yml:2:42: 'sg.example.com' is not an IP address");
        yield return Case("a lower-case version", """
            gateways:
              - { name: gw-1, ip: 10.0.0.1, version: r81.20 }
            """, "fleet.yml:2:42: 'r81.20' is not a Gaia version such as R81.20 or R82");
        yield return Case("a cluster version with shell syntax", """
            clusters:
              - name: cl
                type: clusterxl-ha
                version: R81.20;id
                members:
                  - { name: m1, ip: 10.0.1.1 }
                  - { name: m2, ip: 10.0.1.2 }
            """, "fleet.yml:4:14: 'R81.20;id' is not a Gaia version such as R81.20 or R82");
        yield return Case("a duplicate gateway", """
            gateways:
              - { name: gw-1, ip: 10.0.0.1, version: R81.20 }
              - { name: gw-1, ip: 10.0.0.2, version: R81.20 }
            """, "fleet.yml:3:5: duplicate object name 'gw-1' (first on line 2)");
        yield return Case("a cluster member named like a gateway", """
            gateways:
              - { name: gw-1, ip: 10.0.0.1, version: R81.20 }
            clusters:
              - name: cl
                type: vrrp
                version: R81.20
                members:
                  - { name: gw-1, ip: 10.0.1.1 }
                  - { name: m2, ip: 10.0.1.2 }
            """, "fleet.yml:8:9: duplicate object name 'gw-1' (first on line 2)");
        yield return Case("a cluster named like a gateway", """
            gateways:
              - { name: cl, ip: 10.0.0.1, version: R81.20 }
            clusters:
              - name: cl
                type: vrrp
                version: R81.20
                members:
                  - { name: m1, ip: 10.0.1.1 }
                  - { name: m2, ip: 10.0.1.2 }
            """, "fleet.yml:4:5: duplicate object name 'cl' (first on line 2)");
        yield return Case("a Security Group member listed twice", """
            security_groups:
              - { name: sg, platform: maestro, ip: 10.0.2.1, version: R81.20, members: [1_1, 1_1] }
            """, "fleet.yml:2:5: duplicate object name 'sg-1_1' (first on line 2)");
        yield return Case("a bad Security Group member id", """
            security_groups:
              - { name: sg, platform: maestro, ip: 10.0.2.1, version: R81.20, members: [1_1, "1_2;id", 1_3] }
            """, "fleet.yml:2:76: '1_2;id' is not a Security Group member id such as 1_1 or 2_3");
        yield return Case("an unknown cluster type", """
            clusters:
              - name: cl
                type: clusterxl-fullha
                version: R81.20
                members:
                  - { name: m1, ip: 10.0.1.1 }
                  - { name: m2, ip: 10.0.1.2 }
            """, "fleet.yml:3:11: 'type' must be one of clusterxl-ha, vrrp, vsx-vsls, clusterxl-ls, active-passive, not 'clusterxl-fullha'");
        yield return Case("a cluster of one", """
            clusters:
              - name: cl
                type: clusterxl-ha
                version: R81.20
                members:
                  - { name: m1, ip: 10.0.1.1 }
            """, "fleet.yml:2:5: cluster 'cl' needs at least 2 members, found 1");
        yield return Case("an unknown state", """
            gateways:
              - { name: gw-1, ip: 10.0.0.1, version: R81.20, state: primary }
            """, "fleet.yml:2:57: unknown state 'primary' (use 'active', 'standby', 'backup', 'master', 'VSLS member', 'VSLS active member', 'up', 'down', 'passive')");
        yield return Case("a missing IP address", """
            gateways:
              - { name: gw-1, version: R81.20 }
            """, "fleet.yml:2:5: missing 'ip'");
        yield return Case("a YAML syntax error", """
            gateways:
              - { name: gw-1, ip: 10.0.0.1, version: R81.20
            """, "fleet.yml:3:1: YAML syntax error: While parsing a flow mapping, did not find expected ',' or '}'.");
        yield return Case("every problem at once", """
            gateways:
              - { name: "gw 1", ip: 10.0.0.1, version: R81.20 }
              - { name: gw-2, ip: 10.0.0, version: R81.20, colour: red }
            """, $"fleet.yml:2:13: 'gw 1' is not a valid object name: {Names.ObjectNameRule}", "fleet.yml:3:23: '10.0.0' is not an IP address", "fleet.yml:3:48: unknown setting 'colour' in a gateway");
    }

    [TestCaseSource(nameof(BadInventories))]
    public void AnInventoryMistakeIsReportedWithItsLineAndColumn(string yaml, string[] expected)
    {
        var e = Should.Throw<CdtInputException>(() => InventoryLoader.LoadText("fleet.yml", yaml));

        e.ToDisplayLines().ShouldBe(expected);
    }

    [Test]
    public void TheSampleFleetHasEveryKindOfObject()
    {
        var inventory = InventoryLoader.LoadFile(LocalFileStore.Instance, TestPaths.Repo("config/fleet.sample.yml"));

        inventory.Gateways.Count.ShouldBe(38);
        inventory.Clusters.Select(c => c.Kind).Distinct().Order().ShouldBe(
        [
            ClusterKind.ClusterXlHa, ClusterKind.Vrrp, ClusterKind.VsxVsls, ClusterKind.ClusterXlLoadSharing,
            ClusterKind.MaestroSecurityGroup, ClusterKind.ElasticXlSecurityGroup, ClusterKind.DualChassis, ClusterKind.ActivePassivePair,
        ]);
        inventory.Clusters.Where(c => c.Kind == ClusterKind.ClusterXlHa).Select(c => c.Members.Count).Order().ShouldBe([2, 3]);
        inventory.FindCluster("sg-geneva")!.Sites.ShouldBe(2);
        inventory.Find("sg-geneva-2_3")!.ShouldSatisfyAllConditions(
            g => g.MemberId.ShouldBe("2_3"),
            g => g.Site.ShouldBe(2),
            g => g.Ip.ShouldBe("10.4.2.1"),
            g => g.State.ShouldBe(MemberState.Up));
        inventory.Find("gw-madrid-01")!.Reachable.ShouldBeFalse();
        inventory.Find("cl-zurich-m1")!.ShouldSatisfyAllConditions(g => g.State.ShouldBe(MemberState.VslsActiveMember), g => g.Vsx.ShouldBeTrue());
        inventory.Find("gw-berlin-01")!.InstalledPackages.ShouldBe(["R81.20 Jumbo Hotfix Accumulator General Availability (Take 92)"]);
    }

    [Test]
    public void TheEmbeddedSampleIsTheSampleFile() =>
        InventoryLoader.EmbeddedSample().ShouldBe(File.ReadAllText(TestPaths.Repo("config/fleet.sample.yml")));

    [Test]
    public void TheFingerprintIgnoresStatesAndPackagesButNotAddresses()
    {
        const string fleet = """
            gateways:
              - { name: gw-1, ip: 10.0.0.1, version: R81.20, state: active, installed: [a] }
            """;
        var base_ = InventoryLoader.LoadText("f.yml", fleet).Fingerprint();

        InventoryLoader.LoadText("f.yml", fleet.Replace("state: active, installed: [a]", "state: standby", StringComparison.Ordinal)).Fingerprint().ShouldBe(base_);
        InventoryLoader.LoadText("f.yml", fleet.Replace("10.0.0.1", "10.0.0.2", StringComparison.Ordinal)).Fingerprint().ShouldNotBe(base_);
        InventoryLoader.LoadText("f.yml", fleet.Replace("R81.20", "R82", StringComparison.Ordinal)).Fingerprint().ShouldNotBe(base_);
    }

    [Test]
    public void AMissingInventoryFileSaysWhatToDo()
    {
        var e = Should.Throw<CdtInputException>(() => InventoryLoader.LoadFile(LocalFileStore.Instance, "/nonexistent/fleet.yml"));

        e.ToDisplayLine().ShouldBe("/nonexistent/fleet.yml: inventory file not found: set 'inventory' in cdt.conf to an existing file");
    }

    private static TestCaseData Case(string name, string yaml, params string[] expected) =>
        new TestCaseData(yaml, expected).SetName($"{{m}}({name})");
}
