using Cdt.Candidates;
using Cdt.Diagnostics;
using Cdt.Formats;
using Cdt.Yaml;
using Cdt.Fleet;
using Cdt.Transport;

namespace Cdt.Execution;

/// <summary>Turns validated rows into batches of units, in ascending batch order.</summary>
public static class RunPlanBuilder
{
    public static RunPlan Build(IReadOnlyList<CandidateRow> rows, FleetInventory inventory, string listPath)
    {
        var rowsByName = rows.ToDictionary(r => r.ObjectName, StringComparer.Ordinal);
        var batches = new List<RunBatch>();
        foreach (var batch in rows.Where(r => r.Order is UpgradeOrder.BatchOrder).GroupBy(r => ((UpgradeOrder.BatchOrder)r.Order).Number).OrderBy(g => g.Key))
        {
            var units = new List<RunUnit>();
            var seenClusters = new HashSet<string>(StringComparer.Ordinal);
            foreach (var row in batch)
            {
                var gateway = inventory.Find(row.ObjectName)
                    ?? throw new CdtInputException(listPath, row.Line, null, $"{row.ObjectName} is not in the inventory {inventory.Source}: run 'cdt generate' again");
                var cluster = inventory.ClusterOf(gateway);
                if (cluster is null)
                {
                    var t = ToTarget(gateway, row);
                    units.Add(new RunUnit { Name = gateway.Name, Kind = UnitKind.Standalone, Members = [t], Targets = [t], Batch = batch.Key });
                    continue;
                }

                if (!seenClusters.Add(cluster.Name))
                {
                    continue;
                }

                var members = inventory.MembersOf(cluster)
                    .Select(g => ToTarget(g, rowsByName.GetValueOrDefault(g.Name) ?? new CandidateRow
                    {
                        ObjectName = g.Name,
                        ClusterName = cluster.Name,
                        IpAddress = g.Ip,
                        Version = g.Version,
                        Order = UpgradeOrder.Excluded,
                    }))
                    .ToList();
                units.Add(new RunUnit
                {
                    Name = cluster.Name,
                    Kind = KindOf(cluster.Kind),
                    Cluster = cluster,
                    Members = members,
                    Targets = members.Where(m => m.Row.Order is UpgradeOrder.BatchOrder).ToList(),
                    Batch = batch.Key,
                });
            }

            batches.Add(new RunBatch(batch.Key, units));
        }

        return new RunPlan(batches, rows);
    }

    private static RunTarget ToTarget(Gateway g, CandidateRow row) => new(g, row, Target.From(g));

    public static UnitKind KindOf(ClusterKind kind) => kind switch
    {
        ClusterKind.ClusterXlHa => UnitKind.ClusterXlHa,
        ClusterKind.Vrrp => UnitKind.Vrrp,
        ClusterKind.VsxVsls => UnitKind.VsxVsls,
        ClusterKind.MaestroSecurityGroup or ClusterKind.ElasticXlSecurityGroup => UnitKind.SecurityGroup,
        ClusterKind.DualChassis => UnitKind.DualChassis,
        ClusterKind.ActivePassivePair => UnitKind.ActivePassivePair,
        _ => throw new CdtInputException($"{kind} clusters cannot be installed by cdt"),
    };
}
