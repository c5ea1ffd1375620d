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

    /// <param name="uninstall">A list generated for removing the package: its batches are gateways to uninstall.</param>
    public static string Render(IReadOnlyList<CandidateRow> rows, bool uninstall = false)
    {
        var batches = new SortedDictionary<int, List<CandidateRow>>();
        var excluded = new List<string>();
        var notApplicable = new List<string>();
        var installed = new List<string>();
        foreach (var r in rows)
        {
            switch (r.Order)
            {
                case UpgradeOrder.BatchOrder b:
                    if (!batches.TryGetValue(b.Number, out var members))
                    {
                        batches[b.Number] = members = [];
                    }

                    members.Add(r);
                    break;
                case UpgradeOrder.ExcludedOrder:
                    excluded.Add(r.ObjectName);
                    break;
                case UpgradeOrder.NotApplicableOrder:
                    notApplicable.Add(r.ObjectName);
                    break;
                default:
                    installed.Add(r.ObjectName);
                    break;
            }
        }

        var sb = new StringBuilder();
        var total = batches.Values.Sum(b => b.Count);
        sb.Append(CultureInfo.InvariantCulture, $"{total} gateway(s) to {(uninstall ? "uninstall" : "install")} in {batches.Count} batch(es)\n");
        foreach (var (number, members) in batches)
        {
            Batch(sb, number, members);
        }

        Line(sb, "excluded (-)", excluded);
        Line(sb, "N/A", notApplicable);
        Line(sb, "Installed", installed);
        return sb.ToString();
    }

    /// <summary>One line per batch: its units in list order, a cluster shown once with its members.</summary>
    private static void Batch(StringBuilder sb, int number, List<CandidateRow> members)
    {
        var units = new List<(string Name, List<string>? Members)>();
        var clusters = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var r in members)
        {
            if (r.ClusterName.Length == 0)
            {
                units.Add((r.ObjectName, null));
            }
            else if (clusters.TryGetValue(r.ClusterName, out var names))
            {
                names.Add(r.ObjectName);
            }
            else
            {
                clusters[r.ClusterName] = names = [r.ObjectName];
                units.Add((r.ClusterName, names));
            }
        }

        sb.Append(CultureInfo.InvariantCulture, $"  batch {number}: {members.Count} gateway(s)");
        if (clusters.Count > 0)
        {
            sb.Append(CultureInfo.InvariantCulture, $", {clusters.Count} cluster(s)");
        }

        sb.Append(": ");
        for (var i = 0; i < units.Count && i < NamesShown; i++)
        {
            sb.Append(i > 0 ? ", " : string.Empty).Append(units[i].Name);
            if (units[i].Members is { } names)
            {
                sb.Append(" [").AppendJoin(", ", names).Append(']');
            }
        }

        More(sb, units.Count);
        sb.Append('\n');
    }

    private static void Line(StringBuilder sb, string label, List<string> names)
    {
        sb.Append(CultureInfo.InvariantCulture, $"  {label}: {names.Count}");
        if (names.Count > 0)
        {
            sb.Append(" (").AppendJoin(", ", names.Take(NamesShown));
            More(sb, names.Count);
            sb.Append(')');
        }

        sb.Append('\n');
    }

    private static void More(StringBuilder sb, int count)
    {
        if (count > NamesShown)
        {
            sb.Append(CultureInfo.InvariantCulture, $" and {count - NamesShown} more");
        }
    }
}
