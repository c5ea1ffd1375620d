using Cdt.Diagnostics;
using Cdt.Fleet;
using Cdt.Fleet.Management;
using Cdt.Tests.Support;
using NUnit.Framework;
using Shouldly;

namespace Cdt.Tests.Fleet.Management;

public sealed class ManagementInventoryTests
{
    private static readonly ManagementSettings Settings = new() { Server = new Uri("https://10.0.0.10:443"), ApiKeyEnv = "K", Fingerprint = "SHA256:" + new string('0', 64), PageSize = 2 };

    private static readonly ManagementObject[] Objects =
    [
        new() { Name = "gw-1", Type = "simple-gateway", Ipv4Address = "10.1.0.1", Version = "R81.20" },
        new() { Name = "sms", Type = "checkpoint-host", Ipv4Address = "10.0.0.10", Version = "R82" },
        new() { Name = "cl-ha", Type = "CpmiGatewayCluster", Ipv4Address = "10.2.0.254", Version = "R81.20", ClusterMemberNames = ["cl-ha-1", "cl-ha-2"] },
        new() { Name = "cl-ha-1", Type = "cluster-member", Ipv4Address = "10.2.0.1", Version = "R81.20" },
        new() { Name = "cl-ha-2", Type = "CpmiClusterMember", Ipv4Address = "10.2.0.2", Version = "R81.20" },
        new() { Name = "vr", Type = "simple-cluster", Ipv4Address = "10.3.0.254", Version = "R82", ClusterMemberNames = ["vr-1", "vr-2"] },
        new() { Name = "vr-1", Type = "cluster-member", Ipv4Address = "10.3.0.1", Version = "R82" },
        new() { Name = "vr-2", Type = "cluster-member", Ipv4Address = "10.3.0.2", Version = "R82" },
        new() { Name = "odd", Type = "CpmiQuantumSomething", Ipv4Address = "10.4.0.1" },
        new() { Name = "sg-1", Type = "simple-gateway", Ipv4Address = "10.5.0.1", Version = "R81.20", Hardware = "Maestro Security Group" },
    ];

    private static readonly ManualClock Clock = new(new DateTimeOffset(2026, 12, 5, 10, 0, 0, TimeSpan.Zero));

    private static readonly Dictionary<string, SimpleCluster> Clusters = new()
    {
        ["cl-ha"] = new SimpleCluster("cluster-xl-ha", ["cl-ha-1", "cl-ha-2"]),
        ["vr"] = new SimpleCluster("vrrp", ["vr-1", "vr-2"]),
    };

    [Test]
    public async Task PagesUntilTheLastObjectAndLogsOutOnce()
    {
        var api = new FakeManagementApi(Objects, Clusters);

        var read = await ManagementInventory.ReadAsync(api, Settings, Clock, CancellationToken.None);

        api.Offsets.ShouldBe([0, 2, 4, 6, 8]);
        (api.Logins, api.Logouts).ShouldBe((1, 1));
        read.Fleet.Gateways.Count.ShouldBe(7);
    }

    [Test]
    public async Task MapsGatewaysClustersAndVrrpPairsToTheirKinds()
    {
        var read = await ManagementInventory.ReadAsync(new FakeManagementApi(Objects, Clusters), Settings, Clock, CancellationToken.None);

        read.Fleet.Find("gw-1")!.IsStandalone.ShouldBeTrue();
        read.Fleet.FindCluster("cl-ha")!.Kind.ShouldBe(ClusterKind.ClusterXlHa);
        read.Fleet.FindCluster("vr")!.Kind.ShouldBe(ClusterKind.Vrrp);
        read.Fleet.MembersOf(read.Fleet.FindCluster("cl-ha")!).Select(g => g.Ip).ShouldBe(["10.2.0.1", "10.2.0.2"]);
        read.Fleet.Find("sms").ShouldBeNull();
    }

    [Test]
    public async Task AnUnknownTypeAndASecurityGroupBecomeNotApplicableRowsWithTheirReason()
    {
        var read = await ManagementInventory.ReadAsync(new FakeManagementApi(Objects, Clusters), Settings, Clock, CancellationToken.None);

        read.Fleet.Find("odd")!.NotApplicable.ShouldBe("object type 'CpmiQuantumSomething' is not one cdt knows");
        read.Fleet.Find("odd")!.Reachable.ShouldBeFalse();
        read.Fleet.Find("sg-1")!.NotApplicable!.ShouldStartWith("a Maestro Security Group");
    }

    [Test]
    public async Task AClusterModeCdtCannotUseMakesItsMembersNotApplicable()
    {
        var clusters = new Dictionary<string, SimpleCluster>(Clusters) { ["cl-ha"] = new SimpleCluster("opsec-ha", ["cl-ha-1", "cl-ha-2"]) };

        var read = await ManagementInventory.ReadAsync(new FakeManagementApi(Objects, clusters), Settings, Clock, CancellationToken.None);

        read.Fleet.FindCluster("cl-ha").ShouldBeNull();
        read.Fleet.Find("cl-ha-1")!.NotApplicable.ShouldBe("cluster cl-ha: cluster mode 'opsec-ha' is not one cdt installs on");
    }

    [Test]
    public async Task APageThatComesBackShortIsRefusedNamingTheServerAndTheCallAndStillLogsOut()
    {
        var api = new FakeManagementApi(Objects, Clusters) { ShortPageAt = 2 };

        var e = await Should.ThrowAsync<CdtInputException>(() => ManagementInventory.ReadAsync(api, Settings, Clock, CancellationToken.None));

        e.Message.ShouldStartWith("management server https://10.0.0.10: show-gateways-and-servers: the page at offset 2 came back as objects 3 to 3 of 10");
        api.Logouts.ShouldBe(1);
    }

    [Test]
    public async Task TheFileSaysWhereAndWhenItCameFromAndReadsBackToTheSameFingerprint()
    {
        var read = await ManagementInventory.ReadAsync(new FakeManagementApi(Objects, Clusters), Settings with { Domain = "Domain-A" }, Clock, CancellationToken.None);

        read.Text.ShouldStartWith("# Read from the Management API of https://10.0.0.10 (domain Domain-A) at ");
        InventoryLoader.LoadText("fleet.yml", read.Text).Fingerprint().ShouldBe(read.Fleet.Fingerprint());
    }
}
