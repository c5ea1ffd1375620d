using System.Globalization;
using System.Text;
using Cdt.Candidates;
using Cdt.Fleet;
using Cdt.Gaia;

namespace Cdt.Reporting;

/// <summary>
/// <c>cdt groups LIST</c>: for every Security Group with rows in a list, how cdt will split it and
/// in which order it installs it, so the admin sees the logical groups before the night.
/// </summary>
public static class LogicalGroupsReport
{
    public static string Render(IReadOnlyList<CandidateRow> rows, FleetInventory inventory, int configuredGroups)
    {
        var sb = new StringBuilder();
        var groups = inventory.Clusters.Where(c => c.IsSecurityGroup && rows.Any(r => r.ClusterName == c.Name)).ToList();
        if (groups.Count == 0)
        {
            return "no Security Group in this list\n";
        }

        foreach (var cluster in groups)
        {
            var members = SecurityGroupMember.Of(inventory, cluster);
            var orders = rows.Where(r => r.ClusterName == cluster.Name).Select(r => r.Order.ToCell()).Distinct().ToList();
            var order = orders.Count == 1 && int.TryParse(orders[0], NumberStyles.None, CultureInfo.InvariantCulture, out _) ? "batch " + orders[0] : "Upgrade Order " + string.Join("/", orders);
            var sites = members.Select(m => m.Site).Distinct().Count();
            sb.Append(CultureInfo.InvariantCulture, $"{cluster.Name}: {FleetNames.Text(cluster.Kind)}, {members.Count} members on {sites} {(cluster.Kind == ClusterKind.DualChassis ? "chassis" : sites == 1 ? "site" : "sites")}, {order}\n");
            if (cluster.Kind == ClusterKind.DualChassis)
            {
                foreach (var chassis in members.GroupBy(m => m.Site))
                {
                    sb.Append(CultureInfo.InvariantCulture, $"  chassis{chassis.Key}: {Ids(cluster.Kind, chassis)}\n");
                }

                sb.Append("  order: the standby chassis first (as asg stat shows it at execution), then the failover from the active chassis, then that chassis\n");
                continue;
            }

            var count = LogicalGroups.For(cluster, configuredGroups);
            var split = LogicalGroups.Split(members, count);
            var source = cluster.LogicalGroups is null ? "security_groups.groups in cdt.conf" : "groups of " + cluster.Name + " in the inventory";
            sb.Append(CultureInfo.InvariantCulture, $"  {split.Count} logical groups ({count} asked by {source}{(sites > 1 ? "; never across sites" : string.Empty)}):\n");
            foreach (var g in split)
            {
                sb.Append(CultureInfo.InvariantCulture, $"  group {g.Label}{(sites > 1 && g.Site is { } s ? " (site " + s.ToString(CultureInfo.InvariantCulture) + ")" : string.Empty)}: {Ids(cluster.Kind, g.Members)}\n");
            }

            sb.Append("  order: ").Append(string.Join(", then ", split.Select(g =>
            {
                var others = split.Where(o => o != g).Select(o => o.Label).ToList();
                return $"group {g.Label} ({string.Join(", ", others)} {(others.Count == 1 ? "carries" : "carry")} the traffic)";
            }))).Append('\n');
        }

        return sb.ToString();
    }

    private static string Ids(ClusterKind kind, IEnumerable<SecurityGroupMember> members) =>
        string.Join(", ", members.Select(m => SecurityGroupCommands.Id(kind, m)));
}
