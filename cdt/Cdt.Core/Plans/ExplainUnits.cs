using Cdt.Candidates;
using Cdt.Diagnostics;
using Cdt.Formats;
using Cdt.Yaml;
using Cdt.Fleet;
using Cdt.Transport;

namespace Cdt.Plans;

/// <summary>Which units an explanation shows: one example of each kind, or the kinds found in a candidates list.</summary>
public static class ExplainUnits
{
    public static IReadOnlyList<ExplainUnit> Examples { get; } =
    [
        new() { Name = "gw-01", Members = [Member("gw-01", "10.1.1.1", MemberState.None)] },
        Cluster(ClusterKind.ClusterXlHa, "cl-ha", ("cl-ha-m1", MemberState.Active), ("cl-ha-m2", MemberState.Standby)),
        Cluster(ClusterKind.Vrrp, "cl-vrrp", ("cl-vrrp-m1", MemberState.Master), ("cl-vrrp-m2", MemberState.Backup)),
        Cluster(ClusterKind.VsxVsls, "cl-vsls", ("cl-vsls-m1", MemberState.VslsActiveMember), ("cl-vsls-m2", MemberState.VslsMember), ("cl-vsls-m3", MemberState.VslsMember)),
    ];

    /// <summary>The kinds of the units that have a batch number in the list, each shown with its first unit.</summary>
    public static IReadOnlyList<ExplainUnit> FromCandidates(CandidatesFile list)
    {
        if (list.Problems.Count > 0)
        {
            throw new CdtInputException(list.Problems);
        }

        var units = list.Rows
            .Where(r => UpgradeOrder.Parse(r.OrderText) is UpgradeOrder.BatchOrder)
            .GroupBy(r => r.ClusterName.Length == 0 ? "\0" + r.ObjectName : r.ClusterName, StringComparer.Ordinal)
            .Select(g => Unit(g.Key.StartsWith('\0') ? null : g.Key, [.. g]))
            .ToList();
        return [.. units
            .GroupBy(u => u.Kind)
            .OrderBy(g => Order(g.Key))
            .Select(g => g.First() with { Others = [.. g.Skip(1).Select(u => u.Name)] })];
    }

    private static ExplainUnit Unit(string? cluster, IReadOnlyList<RawRow> rows)
    {
        var states = rows.Select(r => FleetNames.TryParseState(r.Cells[4], out var s) ? s : MemberState.None).ToList();
        ClusterKind? kind = cluster is null ? null
            : states.Any(s => s is MemberState.VslsMember or MemberState.VslsActiveMember) ? ClusterKind.VsxVsls
            : states.Any(s => s is MemberState.Master or MemberState.Backup) ? ClusterKind.Vrrp
            : states.Any(s => s is MemberState.Passive) ? ClusterKind.ActivePassivePair
            : states.Any(s => s is MemberState.Up or MemberState.Down) ? ClusterKind.MaestroSecurityGroup
            : ClusterKind.ClusterXlHa;
        var members = rows.Select((r, i) => new ExplainMember(
            new Target { Name = r.ObjectName, Host = r.Cells[2], Vsx = kind == ClusterKind.VsxVsls }, states[i])).ToList();
        return new ExplainUnit { Kind = kind, Name = cluster ?? rows[0].ObjectName, Members = members };
    }

    private static int Order(ClusterKind? kind) => kind switch
    {
        null => 0,
        ClusterKind.ClusterXlHa => 1,
        ClusterKind.Vrrp => 2,
        ClusterKind.VsxVsls => 3,
        _ => 4,
    };

    private static ExplainMember Member(string name, string ip, MemberState state, bool vsx = false) =>
        new(new Target { Name = name, Host = ip, Vsx = vsx }, state);

    private static ExplainUnit Cluster(ClusterKind kind, string name, params (string Name, MemberState State)[] members) => new()
    {
        Kind = kind,
        Name = name,
        Members = [.. members.Select((m, i) => Member(m.Name, "10.2.0." + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), m.State, kind == ClusterKind.VsxVsls))],
    };
}
