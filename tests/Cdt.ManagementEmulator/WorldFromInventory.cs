using System.Text.Json.Nodes;
using Cdt.Fleet;

namespace Cdt.ManagementEmulator;

/// <summary>
/// The management database that goes with an inventory file, so the emulator and the gateway
/// simulator describe one fleet. Object shapes are those of MGMT-API.md §2 (R82, details-level full):
/// standalone gateways as <c>simple-gateway</c>; clusters as <c>CpmiGatewayCluster</c> with
/// <c>cluster-member-names</c>, members as <c>cluster-member</c>, each cluster readable with
/// <c>show-simple-cluster</c> (its <c>cluster-mode</c>); VSX clusters as <c>CpmiVsxClusterNetobj</c>
/// and <c>CpmiVsxClusterMember</c>, not readable as simple clusters; Security Groups as one gateway
/// object whose hardware names the platform; the management server itself as <c>checkpoint-host</c>.
/// </summary>
public static class WorldFromInventory
{
    /// <summary>
    /// <c>cluster-mode</c> per kind. MGMT-API.md found no value for VRRP: the emulator answers
    /// <c>vrrp</c>, the value cdt maps, until a real reply says otherwise.
    /// </summary>
    private static readonly Dictionary<ClusterKind, string> Modes = new()
    {
        [ClusterKind.ClusterXlHa] = "cluster-xl-ha",
        [ClusterKind.ClusterXlLoadSharing] = "cluster-ls-multicast",
        [ClusterKind.Vrrp] = "vrrp",
        [ClusterKind.ActivePassivePair] = "opsec-ha",
    };

    public static ManagementWorld Build(FleetInventory fleet)
    {
        var world = new ManagementWorld();
        world.Add(new JsonObject
        {
            ["name"] = "mgmt",
            ["type"] = "checkpoint-host",
            ["ipv4-address"] = "127.0.0.1",
            ["version"] = "R82",
            ["os"] = "Gaia",
            ["hardware"] = "Open server",
            ["sic-state"] = "communicating",
            ["management-blades"] = new JsonObject { ["network-policy-management"] = true, ["logging-and-status"] = true, ["secondary"] = false },
        });
        foreach (var g in fleet.Gateways.Where(g => g.ClusterName is null && g.NotApplicable is null))
        {
            world.Add(Gateway(g.Name, "simple-gateway", g.Ip, g.Version, "Open server"));
        }

        foreach (var c in fleet.Clusters)
        {
            AddCluster(world, fleet, c);
        }

        return world;
    }

    private static void AddCluster(ManagementWorld world, FleetInventory fleet, Cluster c)
    {
        var members = fleet.MembersOf(c).ToList();
        var version = members[0].Version;
        if (c.IsSecurityGroup)
        {
            var hardware = c.Kind == ClusterKind.ElasticXlSecurityGroup ? "ElasticXL Security Group" : "Maestro Security Group";
            world.Add(Gateway(c.Name, "simple-gateway", members[0].Ip, version, hardware));
            return;
        }

        var vsx = c.Kind == ClusterKind.VsxVsls;
        var cluster = Gateway(c.Name, vsx ? "CpmiVsxClusterNetobj" : "CpmiGatewayCluster", members[0].Ip, version, "Open server");
        cluster["cluster-member-names"] = new JsonArray([.. members.Select(m => JsonValue.Create(m.Name))]);
        world.Add(cluster);
        foreach (var m in members)
        {
            world.Add(Gateway(m.Name, vsx ? "CpmiVsxClusterMember" : "cluster-member", m.Ip, m.Version, "Open server"));
        }

        if (!vsx)
        {
            world.AddSimpleCluster(c.Name, new JsonObject
            {
                ["name"] = c.Name,
                ["type"] = "simple-cluster",
                ["cluster-mode"] = Modes[c.Kind],
                ["ipv4-address"] = members[0].Ip,
                ["version"] = version,
                ["hardware"] = "Open server",
                ["os-name"] = "Gaia",
                ["sic-state"] = "communicating",
                ["cluster-members"] = new JsonArray([.. members.Select((m, i) => new JsonObject
                {
                    ["name"] = m.Name,
                    ["ip-address"] = m.Ip,
                    ["sic-state"] = "communicating",
                    ["priority"] = i + 1,
                })]),
            });
        }
    }

    private static JsonObject Gateway(string name, string type, string ip, string version, string hardware) => new()
    {
        ["name"] = name,
        ["type"] = type,
        ["operating-system"] = "Gaia",
        ["hardware"] = hardware,
        ["version"] = version,
        ["ipv4-address"] = ip,
        ["sic-status"] = "communicating",
        ["network-security-blades"] = new JsonObject { ["firewall"] = true, ["site-to-site-vpn"] = true, ["ips"] = true },
        ["policy"] = new JsonObject { ["access-policy-name"] = "Standard", ["access-policy-installed"] = true },
    };
}
