using System.Text;
using Cdt.Candidates;
using Cdt.Config;
using Cdt.Fleet;
using NUnit.Framework;
using Shouldly;

namespace Cdt.Tests.Candidates;

/// <summary>Properties every generated list has, checked over hundreds of random fleets.</summary>
public class GeneratedListPropertyTests
{
    private const int Seeds = 600;

    private static readonly PackageSpec Package = PackageSpec.FromFile("/pkgs/Check_Point_R81_20_JUMBO_HF_MAIN_Bundle_T92_FULL.tgz", RandomFleet.PackageName);

    [Test]
    public void EveryRandomFleetGivesAListThatKeepsEveryRule()
    {
        for (var seed = 0; seed < Seeds; seed++)
        {
            var fleet = new RandomFleet(seed);
            var rng = new Random(seed * 7919);
            var settings = new GenerateSettings { Policy = (BatchPolicy)rng.Next(3), BatchSize = rng.Next(1, 13) };
            var dialect = rng.Next(2) == 0 ? CsvDialect.Plain : CsvDialect.Padded with { Crlf = rng.Next(2) == 0 };

            var list = ListGeneration.WithLines(CandidatesGenerator.Generate(fleet.Inventory, Package, settings, fleet.Filter, fleet.Probes), dialect);

            var context = $"seed {seed}, {settings}";
            EveryGatewayLeftAfterTheFilterAppearsExactlyOnce(fleet, list, context);
            EachRowHasTheVerdictItsGatewayCallsFor(fleet, list, context);
            var units = NoUnitIsSplitAndBatchesCountFromOne(list, context);
            BatchesRespectTheirSize(units, settings, context);
            TheCanaryBatchHoldsExactlyOneUnit(list, units, settings, context);
            TheListValidates(fleet, list, dialect, context);
        }
    }

    private static void EveryGatewayLeftAfterTheFilterAppearsExactlyOnce(RandomFleet fleet, GeneratedList list, string context)
    {
        var filtered = ExpectedFiltered(fleet);
        list.Rows.Select(r => r.ObjectName).ShouldBe(fleet.Inventory.Gateways.Select(g => g.Name).Where(n => !filtered.Contains(n)), context);
        list.Filtered.ShouldBe(filtered.Order(StringComparer.Ordinal).ToList(), context);
    }

    private static void EachRowHasTheVerdictItsGatewayCallsFor(RandomFleet fleet, GeneratedList list, string context)
    {
        var byName = list.Rows.ToDictionary(r => r.ObjectName, StringComparer.Ordinal);
        var own = new Dictionary<string, UpgradeOrder>(StringComparer.Ordinal);
        foreach (var row in list.Rows)
        {
            var g = fleet.Inventory.Find(row.ObjectName)!;
            var probe = fleet.Probes?.GetValueOrDefault(g.Name);
            var reachable = g.Reachable && probe is not { Reachable: false };
            var version = probe?.Version ?? g.Version;
            var installed = probe?.Installed ?? g.InstalledPackages;
            own[g.Name] = fleet.Inventory.ClusterOf(g) is { IsSupported: false } || !reachable || version != "R81.20" ? UpgradeOrder.NotApplicable
                : installed.Contains(RandomFleet.PackageName) ? UpgradeOrder.Installed
                : UpgradeOrder.Batch(1);
        }

        foreach (var row in list.Rows)
        {
            var expected = own[row.ObjectName];
            var cluster = fleet.Inventory.Find(row.ObjectName)!.ClusterName;
            if (expected is UpgradeOrder.BatchOrder && cluster is not null
                && fleet.Inventory.FindCluster(cluster)!.Members.Any(m => own.GetValueOrDefault(m) is UpgradeOrder.NotApplicableOrder))
            {
                expected = UpgradeOrder.NotApplicable;
            }

            row.Order.GetType().ShouldBe(expected.GetType(), $"{context}: {row.ObjectName}");
            (row.Order is UpgradeOrder.NotApplicableOrder).ShouldBe(row.Reason is not null, $"{context}: {row.ObjectName} has a reason exactly when N/A");
            byName[row.ObjectName].IpAddress.ShouldBe(fleet.Inventory.Find(row.ObjectName)!.Ip);
        }
    }

    /// <summary>Returns each batch's units (a cluster name, or a standalone gateway's name) with their sizes.</summary>
    private static Dictionary<int, Dictionary<string, int>> NoUnitIsSplitAndBatchesCountFromOne(GeneratedList list, string context)
    {
        var batchOfUnit = new Dictionary<string, int>(StringComparer.Ordinal);
        var batches = new Dictionary<int, Dictionary<string, int>>();
        foreach (var row in list.Rows)
        {
            if (row.Order is not UpgradeOrder.BatchOrder b)
            {
                continue;
            }

            var unit = row.ClusterName.Length > 0 ? row.ClusterName : row.ObjectName;
            if (!batchOfUnit.TryAdd(unit, b.Number))
            {
                b.Number.ShouldBe(batchOfUnit[unit], $"{context}: {unit} is split");
            }

            var units = batches.TryGetValue(b.Number, out var u) ? u : batches[b.Number] = new Dictionary<string, int>(StringComparer.Ordinal);
            units[unit] = units.GetValueOrDefault(unit) + 1;
        }

        batches.Keys.Order().ShouldBe(Enumerable.Range(1, batches.Count), $"{context}: batch numbers run from 1 without gaps");
        return batches;
    }

    private static void BatchesRespectTheirSize(Dictionary<int, Dictionary<string, int>> batches, GenerateSettings settings, string context)
    {
        if (settings.Policy == BatchPolicy.Single)
        {
            batches.Keys.ShouldAllBe(b => b == 1, context);
            return;
        }

        foreach (var (number, units) in batches)
        {
            if (units.Count > 1)
            {
                units.Values.Sum().ShouldBeLessThanOrEqualTo(settings.BatchSize, $"{context}: batch {number} holds {string.Join(", ", units.Keys)}");
            }
        }
    }

    private static void TheCanaryBatchHoldsExactlyOneUnit(GeneratedList list, Dictionary<int, Dictionary<string, int>> batches, GenerateSettings settings, string context)
    {
        if (settings.Policy != BatchPolicy.Canary || batches.Values.Sum(u => u.Count) < 2)
        {
            return;
        }

        var canary = batches[1].Keys.ShouldHaveSingleItem(context);
        var anyStandalone = list.Rows.Any(r => r.Order is UpgradeOrder.BatchOrder && r.ClusterName.Length == 0);
        if (anyStandalone)
        {
            list.Rows.ShouldContain(r => r.ObjectName == canary && r.ClusterName.Length == 0, $"{context}: the canary is a standalone gateway when there is one");
        }
    }

    private static void TheListValidates(RandomFleet fleet, GeneratedList list, CsvDialect dialect, string context)
    {
        var record = ListGeneration.CreateRecord(list, fleet.Inventory, Package, "basic", DateTimeOffset.UnixEpoch, "sha256:none");
        var text = CandidatesCsvWriter.Write(list.Rows, dialect);
        var file = CandidatesCsvReader.Read("list.csv", Encoding.UTF8.GetBytes(text));

        var result = CandidatesValidator.Validate(file, record, null, new InventoryOnlyView(fleet.Inventory));

        result.Problems.ShouldBeEmpty(context);
        result.Rows.Select(r => (r.ObjectName, r.Order, r.Line)).ShouldBe(list.Rows.Select(r => (r.ObjectName, r.Order, r.Line)), context);
    }

    /// <summary>The filter leaves out whole units: naming a cluster, or any of its members, leaves out all its members.</summary>
    private static HashSet<string> ExpectedFiltered(RandomFleet fleet)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in fleet.Filter)
        {
            var cluster = fleet.Inventory.FindCluster(name) ?? (fleet.Inventory.Find(name) is { } g ? fleet.Inventory.ClusterOf(g) : null);
            if (cluster is not null)
            {
                result.UnionWith(cluster.Members);
            }
            else if (fleet.Inventory.Find(name) is not null)
            {
                result.Add(name);
            }
        }

        return result;
    }
}
