using System.Globalization;

namespace Cdt.Candidates;

/// <summary>
/// The rule that keeps clusters whole: every cluster or Security Group in a list has all its
/// members in one batch, or all excluded; a member that is N/A keeps the others out of batches.
/// </summary>
public static class ClusterBatchRule
{
    /// <summary>Every cluster or Security Group: one batch for all its members, or all excluded.</summary>
    public static void Check(IReadOnlyList<CandidateRow> rows, Func<string, bool> isSecurityGroup, Action<int, string> add)
    {
        var groups = new Dictionary<string, GroupState>(StringComparer.Ordinal);
        foreach (var r in rows)
        {
            if (r.ClusterName.Length == 0)
            {
                continue;
            }

            if (!groups.TryGetValue(r.ClusterName, out var g))
            {
                groups[r.ClusterName] = g = new GroupState(isSecurityGroup(r.ClusterName) ? "Security Group" : "cluster");
            }

            switch (r.Order)
            {
                case UpgradeOrder.BatchOrder when g.FirstBatch is null:
                    g.FirstBatch = r;
                    break;
                case UpgradeOrder.BatchOrder b when b.Number != ((UpgradeOrder.BatchOrder)g.FirstBatch.Order).Number:
                    add(r.Line, $"{g.Word} {r.ClusterName} is split across batches {g.FirstBatch.Order.ToCell()} ({g.FirstBatch.ObjectName}, line {Num(g.FirstBatch.Line)}) and {b.ToCell()} ({r.ObjectName}): all members of a {g.Word} must be in the same batch");
                    break;
                case UpgradeOrder.ExcludedOrder:
                    g.FirstExcluded ??= r;
                    break;
                case UpgradeOrder.NotApplicableOrder:
                    g.FirstNa ??= r;
                    break;
            }
        }

        foreach (var (name, g) in groups)
        {
            if (g.FirstBatch is { } batch && g.FirstExcluded is { } excluded)
            {
                add(Math.Max(batch.Line, excluded.Line), $"{g.Word} {name} is partly excluded: {excluded.ObjectName} is '-' but {batch.ObjectName} is in batch {batch.Order.ToCell()}: exclude all members or none");
            }

            if (g.FirstBatch is { } inBatch && g.FirstNa is { } na)
            {
                add(inBatch.Line, $"{g.Word} {name} has a member that is N/A ({na.ObjectName}) and members in batch {inBatch.Order.ToCell()}: a {g.Word} is upgraded whole or not at all; put '-' on its members");
            }
        }
    }

    private static string Num(int n) => n.ToString(CultureInfo.InvariantCulture);

    /// <summary>What one cluster's rows looked like so far.</summary>
    private sealed class GroupState(string word)
    {
        public string Word { get; } = word;

        public CandidateRow? FirstBatch { get; set; }

        public CandidateRow? FirstExcluded { get; set; }

        public CandidateRow? FirstNa { get; set; }
    }
}
