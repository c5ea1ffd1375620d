using System.Text;

namespace Cdt.Candidates;

/// <summary>
/// Changes only the Upgrade Order cell of the rows named (an object, or every member of a
/// cluster or Security Group), leaving every other byte of the file as it was.
/// </summary>
public static class ListEditor
{
    public sealed record Change(string Name, UpgradeOrder Order);

    public static string Apply(string text, CandidatesFile file, IReadOnlyList<Change> changes, List<string> errors)
    {
        var byName = file.Rows.GroupBy(r => r.ObjectName, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var byCluster = file.Rows.Where(r => r.ClusterName.Length > 0).ToLookup(r => r.ClusterName, StringComparer.Ordinal);
        var newCells = new Dictionary<int, string>();
        foreach (var change in changes)
        {
            List<RawRow> rows;
            if (byName.TryGetValue(change.Name, out var direct))
            {
                rows = direct;
            }
            else if (byCluster.Contains(change.Name))
            {
                // N/A and Installed members are not the admin's to change; move the others together.
                rows = byCluster[change.Name].Where(r => UpgradeOrder.Parse(r.OrderText) is not (UpgradeOrder.NotApplicableOrder or UpgradeOrder.InstalledOrder)).ToList();
            }
            else
            {
                errors.Add($"{change.Name} is neither an object nor a cluster in {file.Path}");
                continue;
            }

            foreach (var r in rows)
            {
                newCells[r.Line] = change.Order.ToCell();
            }
        }

        if (errors.Count > 0 || newCells.Count == 0)
        {
            return text;
        }

        var sb = new StringBuilder(text.Length + 16);
        var lineNo = 0;
        var pos = 0;
        while (pos < text.Length)
        {
            lineNo++;
            var end = text.IndexOfAny(['\r', '\n'], pos);
            var lineEnd = end < 0 ? text.Length : end;
            var terminatorEnd = end < 0 ? text.Length : (text[end] == '\r' && end + 1 < text.Length && text[end + 1] == '\n' ? end + 2 : end + 1);
            var line = text[pos..lineEnd];
            sb.Append(newCells.TryGetValue(lineNo, out var cell) ? ReplaceLastCell(line, cell) : line);
            sb.Append(text, lineEnd, terminatorEnd - lineEnd);
            pos = terminatorEnd;
        }

        return sb.ToString();
    }

    private static string ReplaceLastCell(string line, string value)
    {
        var comma = line.LastIndexOf(',');
        var old = line[(comma + 1)..];
        var body = old.TrimEnd();
        var trailing = old[body.Length..];
        var replacement = body.StartsWith(' ') ? value.PadLeft(Math.Max(body.Length, value.Length + 1)) : value;
        return line[..(comma + 1)] + replacement + trailing;
    }
}
