using System.Globalization;
using System.Text;

namespace Cdt.Candidates;

/// <summary>
/// The human summary of a list: batches in order with their gateways and clusters, then
/// excluded, N/A and Installed.
/// </summary>
public static class ListSummary
{
    private const int NamesShown = 40;

    public static string Render(IReadOnlyList<CandidateRow> rows)
    {
        var sb = new StringBuilder();
        var batches = rows.Where(r => r.Order is UpgradeOrder.BatchOrder)
            .GroupBy(r => ((UpgradeOrder.BatchOrder)r.Order).Number)
            .OrderBy(g => g.Key)
            .ToList();
        var total = batches.Sum(b => b.Count());
        sb.Append(string.Create(CultureInfo.InvariantCulture, $"{total} gateway(s) to install in {batches.Count} batch(es)\n"));
        foreach (var batch in batches)
        {
            var units = Units(batch).ToList();
            var clusters = units.Count(u => u.StartsWith("cluster", StringComparison.Ordinal));
            sb.Append(string.Create(CultureInfo.InvariantCulture, $"  batch {batch.Key}: {batch.Count()} gateway(s)"))
                .Append(clusters > 0 ? string.Create(CultureInfo.InvariantCulture, $", {clusters} cluster(s)") : string.Empty)
                .Append(": ").Append(Names(units.Select(u => u.Replace("cluster ", string.Empty, StringComparison.Ordinal)))).Append('\n');
        }

        Line(sb, "excluded (-)", rows.Where(r => r.Order is UpgradeOrder.ExcludedOrder));
        Line(sb, "N/A", rows.Where(r => r.Order is UpgradeOrder.NotApplicableOrder));
        Line(sb, "Installed", rows.Where(r => r.Order is UpgradeOrder.InstalledOrder));
        return sb.ToString();
    }

    private static IEnumerable<string> Units(IEnumerable<CandidateRow> batch)
    {
        var members = batch.Where(r => r.ClusterName.Length > 0).ToLookup(r => r.ClusterName, StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var r in batch)
        {
            if (r.ClusterName.Length == 0)
            {
                yield return r.ObjectName;
            }
            else if (seen.Add(r.ClusterName))
            {
                yield return "cluster " + r.ClusterName + " [" + string.Join(", ", members[r.ClusterName].Select(m => m.ObjectName)) + "]";
            }
        }
    }

    private static void Line(StringBuilder sb, string label, IEnumerable<CandidateRow> rows)
    {
        var list = rows.Select(r => r.ObjectName).ToList();
        sb.Append(string.Create(CultureInfo.InvariantCulture, $"  {label}: {list.Count}"));
        if (list.Count > 0)
        {
            sb.Append(" (").Append(Names(list)).Append(')');
        }

        sb.Append('\n');
    }

    private static string Names(IEnumerable<string> names)
    {
        var list = names.ToList();
        return list.Count <= NamesShown
            ? string.Join(", ", list)
            : string.Join(", ", list.Take(NamesShown)) + string.Create(CultureInfo.InvariantCulture, $" and {list.Count - NamesShown} more");
    }
}
