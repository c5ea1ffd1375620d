using Cdt.Candidates;
using NUnit.Framework;
using Shouldly;

namespace Cdt.Tests.Candidates;

public class ListSummaryTests
{
    [Test]
    public void BatchesComeInOrderWithEachClusterOnceAndItsMembers()
    {
        CandidateRow[] rows =
        [
            Row("gw-b", string.Empty, UpgradeOrder.Batch(2)),
            Row("cl-m1", "cl", UpgradeOrder.Batch(2)),
            Row("gw-a", string.Empty, UpgradeOrder.Batch(1)),
            Row("cluster-x", string.Empty, UpgradeOrder.Batch(2)),
            Row("cl-m2", "cl", UpgradeOrder.Batch(2)),
            Row("gw-c", string.Empty, UpgradeOrder.Excluded),
            Row("gw-d", string.Empty, UpgradeOrder.NotApplicable),
        ];

        ListSummary.Render(rows).ShouldBe("""
            5 gateway(s) to install in 2 batch(es)
              batch 1: 1 gateway(s): gw-a
              batch 2: 4 gateway(s), 1 cluster(s): gw-b, cl [cl-m1, cl-m2], cluster-x
              excluded (-): 1 (gw-c)
              N/A: 1 (gw-d)
              Installed: 0

            """.ReplaceLineEndings("\n"));
    }

    [Test]
    public void LongLinesShowFortyNamesAndCountTheRest()
    {
        var rows = Enumerable.Range(1, 45).Select(i => Row($"gw-{i}", string.Empty, UpgradeOrder.Batch(1)))
            .Concat(Enumerable.Range(1, 42).Select(i => Row($"na-{i}", string.Empty, UpgradeOrder.NotApplicable)))
            .ToList();

        var lines = ListSummary.Render(rows).Split('\n');

        lines[1].ShouldBe("  batch 1: 45 gateway(s): " + string.Join(", ", Enumerable.Range(1, 40).Select(i => $"gw-{i}")) + " and 5 more");
        lines[3].ShouldBe("  N/A: 42 (" + string.Join(", ", Enumerable.Range(1, 40).Select(i => $"na-{i}")) + " and 2 more)");
    }

    [Test]
    public void AnEmptyListSaysSo() =>
        ListSummary.Render([]).ShouldBe("0 gateway(s) to install in 0 batch(es)\n  excluded (-): 0\n  N/A: 0\n  Installed: 0\n");

    private static CandidateRow Row(string name, string cluster, UpgradeOrder order) =>
        new() { ObjectName = name, ClusterName = cluster, IpAddress = "10.0.0.1", Version = "R81.20", Order = order };
}
