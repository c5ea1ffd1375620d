using System.Globalization;
using Cdt.Diagnostics;
using Cdt.Formats;
using Cdt.Yaml;

namespace Cdt.Fleet;

/// <summary>
/// Reads one <c>security_groups:</c> entry of the inventory: a Maestro or ElasticXL Security Group
/// or a dual-chassis system, whose members become rows named <c>SG-ID</c> sharing its address
/// (unless a member has its own <c>ssh</c>), each with its site from the first number of its id.
/// </summary>
public static class SecurityGroupReader
{
    private static readonly Dictionary<string, ClusterKind> SecurityGroupPlatforms = new(StringComparer.OrdinalIgnoreCase)
    {
        ["maestro"] = ClusterKind.MaestroSecurityGroup,
        ["elasticxl"] = ClusterKind.ElasticXlSecurityGroup,
        ["dual-chassis"] = ClusterKind.DualChassis,
    };

    public static void Read(YamlMap sg, List<Gateway> gateways, List<Cluster> clusters)
    {
        var name = sg.String("name", required: true);
        var kind = sg.Enum("platform", SecurityGroupPlatforms, required: true);
        var ip = sg.String("ip", required: true);
        var version = sg.String("version", required: true);
        var mode = sg.String("mode") ?? "gateway";
        var installed = sg.StringList("installed");
        var shell = sg.Enum("shell", FleetNames.Shells) ?? LoginShell.Expert;
        var ssh = InventoryLoader.ReadSsh(sg.Map("ssh"));
        var sim = SimulationProfileReader.Read(sg.Map("simulation")) ?? SimulationProfile.Default;
        var entries = SecurityGroupMembersReader.Read(sg);
        var reachable = sg.Bool("reachable") ?? true;
        var groups = sg.Int("groups", 2, LogicalGroups.Max);
        sg.RejectUnknownKeys("a Security Group");
        if (groups is not null && kind == ClusterKind.DualChassis)
        {
            sg.Error(sg.Find("groups")!, "a dual-chassis Security Group is installed one chassis at a time: 'groups' does not apply");
            groups = null;
        }

        if (mode is not ("gateway" or "vsnext" or "vsx"))
        {
            sg.Error(sg.Find("mode")!, $"'mode' must be gateway, vsnext or vsx, not '{mode}'");
        }

        if (name is not null && !Names.IsObjectName(name))
        {
            sg.Error(sg.Find("name")!, $"'{name}' is not a valid object name: {Names.ObjectNameRule}");
            name = null;
        }

        if (ip is not null && !Names.IsIp(ip))
        {
            sg.Error(sg.Find("ip")!, $"'{ip}' is not an IP address");
            ip = null;
        }

        if (version is not null && !Names.IsVersion(version))
        {
            sg.Error(sg.Find("version")!, $"'{version}' is not a Gaia version such as R81.20 or R82");
            version = null;
        }

        if (name is null || kind is null || ip is null || version is null)
        {
            return;
        }

        var members = new List<string>();
        var sites = new SortedSet<int>();
        foreach (var (id, memberSsh) in entries)
        {
            if (!Names.IsMemberId(id))
            {
                sg.Error(sg.Find("members")!, $"'{id}' is not a Security Group member id such as 1_1 or 2_3");
                continue;
            }

            var site = int.Parse(id[..id.IndexOf('_', StringComparison.Ordinal)], CultureInfo.InvariantCulture);
            sites.Add(site);
            var memberName = name + "-" + id;
            members.Add(memberName);
            gateways.Add(new Gateway
            {
                Name = memberName,
                Ip = ip,
                Version = version,
                ClusterName = name,
                State = MemberState.Up,
                InstalledPackages = installed,
                Reachable = reachable && !sim.Has(Fault.Unreachable),
                Shell = shell,
                Vsx = mode != "gateway",
                MemberId = id,
                Site = site,
                Ssh = memberSsh is null ? ssh : new SshEndpoint { Host = memberSsh.Host ?? ssh?.Host, Port = memberSsh.Port ?? ssh?.Port, User = memberSsh.User ?? ssh?.User },
                Simulation = sim,
                Line = sg.Line,
                Column = sg.Column,
            });
        }

        if (members.Count < 2)
        {
            sg.Error($"Security Group '{name}' needs at least 2 members");
        }

        if (kind == ClusterKind.DualChassis && sites.Count != 2)
        {
            sg.Error($"dual-chassis Security Group '{name}' needs members on chassis 1 and chassis 2 (ids 1_N and 2_N)");
        }

        clusters.Add(new Cluster { Name = name, Kind = kind.Value, Members = members, Sites = Math.Max(1, sites.Count), Line = sg.Line, Column = sg.Column, LogicalGroups = groups });
    }
}
