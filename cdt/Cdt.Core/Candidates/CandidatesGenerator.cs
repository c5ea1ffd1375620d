using Cdt.Config;
using Cdt.Fleet;
using Cdt.Gaia;

namespace Cdt.Candidates;

/// <summary>
/// Builds the Installation Candidates List from the inventory (refreshed by probes when given):
/// a batch number for every eligible gateway, N/A with its reason, or Installed. Members of one
/// cluster or Security Group always share their fate and their batch. An uninstall list offers the
/// gateways that have the package instead.
/// </summary>
public static class CandidatesGenerator
{
    public static GeneratedList Generate(
        FleetInventory inventory,
        PackageSpec package,
        GenerateSettings settings,
        IReadOnlySet<string> filter,
        IReadOnlyDictionary<string, ProbeResult>? probes,
        bool uninstall = false)
    {
        var notes = new List<string>();
        var filtered = ExpandFilter(inventory, filter, notes);

        var gateways = new List<Gateway>();
        var verdicts = new Dictionary<string, Eligibility.Verdict>(StringComparer.Ordinal);
        foreach (var g0 in inventory.Gateways)
        {
            if (filtered.Contains(g0.Name))
            {
                continue;
            }

            var probe = probes?.GetValueOrDefault(g0.Name);
            var g = probe?.ApplyTo(g0) ?? g0;
            gateways.Add(g);
            var unreachable = probe is { Reachable: false } ? probe.Error : null;
            verdicts[g.Name] = uninstall
                ? Eligibility.ForRemoval(g, inventory.ClusterOf(g), package, unreachable)
                : Eligibility.Of(g, inventory.ClusterOf(g), package, unreachable);
        }

        if (uninstall)
        {
            KeepClustersWhole(gateways, verdicts);
        }

        ShareClusterFate(inventory, gateways, verdicts);

        // Units in inventory order: a standalone gateway, or all eligible members of one cluster.
        var unitOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var unitKeys = new Dictionary<string, int>(StringComparer.Ordinal);
        var sizes = new List<int>();
        var standalone = new List<bool>();
        foreach (var g in gateways)
        {
            if (verdicts[g.Name].Order is not UpgradeOrder.BatchOrder)
            {
                continue;
            }

            var key = g.ClusterName ?? "\0" + g.Name;
            if (!unitKeys.TryGetValue(key, out var unit))
            {
                unit = sizes.Count;
                unitKeys[key] = unit;
                sizes.Add(0);
                standalone.Add(g.IsStandalone);
            }

            sizes[unit]++;
            unitOf[g.Name] = unit;
        }

        var batchOfUnit = BatchAssigner.Assign(sizes, standalone, settings.Policy, settings.BatchSize);
        var rows = gateways.Select(g =>
        {
            var v = verdicts[g.Name];
            var order = v.Order is UpgradeOrder.BatchOrder ? UpgradeOrder.Batch(batchOfUnit[unitOf[g.Name]]) : v.Order;
            return new CandidateRow
            {
                ObjectName = g.Name,
                ClusterName = g.ClusterName ?? string.Empty,
                IpAddress = g.Ip,
                Version = g.Version,
                State = FleetNames.Text(g.State),
                Order = order,
                Reason = v.Reason,
            };
        }).ToList();

        return new GeneratedList(rows, filtered.Order(StringComparer.Ordinal).ToList(), notes);
    }

    /// <summary>
    /// An uninstall runs a cluster's choreography over all its members, so the members without the
    /// package go with those that have it (their step finds nothing to remove).
    /// </summary>
    private static void KeepClustersWhole(List<Gateway> gateways, Dictionary<string, Eligibility.Verdict> verdicts)
    {
        foreach (var group in gateways.Where(g => g.ClusterName is not null).GroupBy(g => g.ClusterName!))
        {
            if (group.Any(g => verdicts[g.Name].Order is UpgradeOrder.BatchOrder))
            {
                foreach (var g in group.Where(g => verdicts[g.Name].Reason == Eligibility.NotInstalled))
                {
                    verdicts[g.Name] = new Eligibility.Verdict(UpgradeOrder.Batch(1), null);
                }
            }
        }
    }

    /// <summary>
    /// A cluster is upgraded as one: if any member cannot be (unreachable, wrong version), none
    /// of the others is offered either; members that already have the package stay Installed.
    /// </summary>
    private static void ShareClusterFate(FleetInventory inventory, List<Gateway> gateways, Dictionary<string, Eligibility.Verdict> verdicts)
    {
        foreach (var group in gateways.Where(g => g.ClusterName is not null).GroupBy(g => g.ClusterName!))
        {
            var blocker = group.FirstOrDefault(g => verdicts[g.Name].Order is UpgradeOrder.NotApplicableOrder);
            if (blocker is null)
            {
                continue;
            }

            var kind = inventory.FindCluster(group.Key) is { } c ? FleetNames.Text(c.Kind) : "cluster";
            foreach (var g in group.Where(g => verdicts[g.Name].Order is UpgradeOrder.BatchOrder))
            {
                verdicts[g.Name] = new Eligibility.Verdict(UpgradeOrder.NotApplicable,
                    $"{kind} {group.Key} cannot be upgraded as a whole: member {blocker.Name} is not eligible ({verdicts[blocker.Name].Reason})");
            }
        }
    }

    private static HashSet<string> ExpandFilter(FleetInventory inventory, IReadOnlySet<string> filter, List<string> notes)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in filter.Order(StringComparer.Ordinal))
        {
            if (inventory.FindCluster(name) is { } cluster)
            {
                result.UnionWith(cluster.Members);
            }
            else if (inventory.Find(name) is { } g)
            {
                if (inventory.ClusterOf(g) is { } owner)
                {
                    result.UnionWith(owner.Members);
                    notes.Add($"filter names {name}, a member of {FleetNames.Text(owner.Kind)} {owner.Name}: all of {owner.Name} is left out, since its members move together");
                }
                else
                {
                    result.Add(name);
                }
            }
            else
            {
                notes.Add($"filter names {name}, which is not in the inventory: ignored");
            }
        }

        return result;
    }
}
