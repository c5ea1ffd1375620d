using System.Globalization;
using System.Text;

namespace Cdt.Tests.Support;

/// <summary>
/// Inventory YAML for the unit tests, the integration tests and the benchmarks, in the one layout
/// they all use: sections in the order packages, gateways, security groups, clusters, then any raw
/// sections; gateways, Security Groups and cluster members as one-line flow mappings, clusters as
/// block mappings. Other fixtures edit its text by exact match, so its layout is part of its contract.
/// </summary>
public sealed class FleetBuilder
{
    private readonly StringBuilder _packages = new();
    private readonly StringBuilder _gateways = new();
    private readonly StringBuilder _groups = new();
    private readonly StringBuilder _clusters = new();
    private readonly StringBuilder _raw = new();

    public FleetBuilder Package(string file, string name)
    {
        _packages.Append("  - { file: ").Append(file).Append(", name: ").Append(name).Append(" }\n");
        return this;
    }

    /// <param name="extra">More entries of the mapping, in order (<c>shell: clish</c>, <c>simulation: { install: 20m }</c>).</param>
    public FleetBuilder Gateway(string name, string ip, string version, params string[] extra)
    {
        _gateways.Append("  - { name: ").Append(name).Append(", ip: ").Append(ip).Append(", version: ").Append(version);
        foreach (var e in extra)
        {
            _gateways.Append(", ").Append(e);
        }

        _gateways.Append(" }\n");
        return this;
    }

    /// <param name="extra">More entries before <c>members</c> (<c>mode: vsnext</c>).</param>
    public FleetBuilder SecurityGroup(string name, string platform, string ip, string version, IEnumerable<string> members, params string[] extra)
    {
        _groups.Append("  - { name: ").Append(name).Append(", platform: ").Append(platform).Append(", ip: ").Append(ip).Append(", version: ").Append(version);
        foreach (var e in extra)
        {
            _groups.Append(", ").Append(e);
        }

        _groups.Append(", members: [").AppendJoin(", ", members).Append("] }\n");
        return this;
    }

    public FleetBuilder Cluster(string name, string type, string version, IEnumerable<Member> members, string? simulation = null)
    {
        _clusters.Append(ClusterEntry(name, type, version, members, simulation));
        return this;
    }

    /// <summary>A cluster as an item of a <c>clusters:</c> list; members are named <c>NAME-m1</c>, <c>NAME-m2</c>... when given without names.</summary>
    public static string ClusterEntry(string name, string type, string version, IEnumerable<Member> members, string? simulation = null)
    {
        var sb = new StringBuilder();
        sb.Append("  - name: ").Append(name).Append("\n    type: ").Append(type).Append("\n    version: ").Append(version).Append('\n');
        if (simulation is not null)
        {
            sb.Append("    simulation: ").Append(simulation).Append('\n');
        }

        sb.Append("    members:\n");
        var i = 0;
        foreach (var m in members)
        {
            i++;
            sb.Append("      - { name: ").Append(m.Name ?? name + "-m" + i.ToString(CultureInfo.InvariantCulture)).Append(", ip: ").Append(m.Ip).Append(", state: ").Append(m.State);
            foreach (var e in m.Extra ?? [])
            {
                sb.Append(", ").Append(e);
            }

            sb.Append(" }\n");
        }

        return sb.ToString();
    }

    /// <summary>A whole section written out by hand (a pair's commands), placed after the built ones.</summary>
    public FleetBuilder Section(string yaml)
    {
        _raw.Append(yaml);
        return this;
    }

    public override string ToString()
    {
        var sb = new StringBuilder(_packages.Length + _gateways.Length + _groups.Length + _clusters.Length + _raw.Length + 64);
        Append(sb, "packages:\n", _packages);
        Append(sb, "gateways:\n", _gateways);
        Append(sb, "security_groups:\n", _groups);
        Append(sb, "clusters:\n", _clusters);
        return sb.Append(_raw).ToString();
    }

    private static void Append(StringBuilder sb, string heading, StringBuilder items)
    {
        if (items.Length > 0)
        {
            sb.Append(heading).Append(items);
        }
    }

    /// <summary>A cluster member; without a name it is named after its cluster and place. <paramref name="Extra"/>: more entries, as for a gateway.</summary>
    public sealed record Member(string Ip, string State, string? Name = null, IReadOnlyList<string>? Extra = null);
}
