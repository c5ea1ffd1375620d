using System.Globalization;
using Cdt.Files;

namespace Cdt.Candidates;

/// <summary>
/// Checks an edited list against what generate wrote (the generation record) and against the
/// current inventory. Reports every problem, one per line, and never changes the file.
/// </summary>
public sealed class CandidatesValidator
{
    private readonly List<Diagnostic> _problems = [];
    private readonly string _path;

    private CandidatesValidator(string path)
    {
        _path = path;
    }

    /// <param name="file">The list as read.</param>
    /// <param name="record">The generation record, or null if there is none (a list from the real CDT).</param>
    /// <param name="recordError">Why the record could not be read, if it could not.</param>
    /// <param name="inventoryCheck">Compares the current inventory with the record; returns a staleness message or null.
    /// Without a record it returns the inventory's view of each object (for lists without a record).</param>
    public static ValidationResult Validate(CandidatesFile file, GenerationRecord? record, string? recordError, IInventoryView inventoryCheck)
    {
        var v = new CandidatesValidator(file.Path);
        return v.Run(file, record, recordError, inventoryCheck);
    }

    private ValidationResult Run(CandidatesFile file, GenerationRecord? record, string? recordError, IInventoryView inventory)
    {
        _problems.AddRange(file.Problems);
        var warnings = new List<string>();
        if (file.Unreadable)
        {
            return Result([], warnings);
        }

        if (recordError is not null)
        {
            Add(1, recordError + ": run 'cdt generate' again");
            return Result([], warnings);
        }

        var rows = new List<CandidateRow>(file.Rows.Count);
        var firstLine = new Dictionary<string, int>(file.Rows.Count, StringComparer.Ordinal);
        foreach (var raw in file.Rows)
        {
            var name = raw.ObjectName;
            if (name.Length == 0)
            {
                Add(raw.Line, "Object Name is empty: only Upgrade Order may be edited");
                continue;
            }

            if (!firstLine.TryAdd(name, raw.Line))
            {
                Add(raw.Line, $"{name} appears twice (first on line {Num(firstLine[name])})");
                continue;
            }

            var order = UpgradeOrder.Parse(raw.OrderText);
            if (order is null)
            {
                Add(raw.Line, raw.OrderText.Length == 0
                    ? $"Upgrade Order of {name} is empty: use a batch number (1, 2, ...) or '-' to exclude it"
                    : $"Upgrade Order of {name} is '{raw.OrderText}': use a batch number (1, 2, ...) or '-' to exclude it");
                continue;
            }

            rows.Add(new CandidateRow
            {
                ObjectName = name,
                ClusterName = raw.Cells[1],
                IpAddress = raw.Cells[2],
                Version = raw.Cells[3],
                State = raw.Cells[4],
                Order = order,
                Line = raw.Line,
            });
        }

        if (record is not null)
        {
            CompareWithRecord(rows, record, firstLine);
            if (inventory.StaleReason(record) is { } stale)
            {
                Add(1, stale);
            }
        }
        else
        {
            warnings.Add($"no generation record ({GenerationRecord.PathFor(file.Path)}): immutable columns were checked against the inventory only");
            CompareWithInventory(rows, inventory);
        }

        CheckClusters(rows);
        return Result(rows, warnings);
    }

    private void CompareWithRecord(List<CandidateRow> rows, GenerationRecord record, Dictionary<string, int> inList)
    {
        var byName = new Dictionary<string, RecordRow>(record.Rows.Count, StringComparer.Ordinal);
        foreach (var r in record.Rows)
        {
            byName[r.Name] = r;
        }

        foreach (var row in rows)
        {
            if (!byName.TryGetValue(row.ObjectName, out var gen))
            {
                Add(row.Line, $"{row.ObjectName} is not in the generated list: rows cannot be added (run 'cdt generate' to pick up new gateways)");
                continue;
            }

            Cell(row, "Cluster Name", gen.Cluster, row.ClusterName);
            Cell(row, "IP Address", gen.Ip, row.IpAddress);
            Cell(row, "Version", gen.Version, row.Version);
            Cell(row, "State", gen.State, row.State);

            var now = row.Order;
            var was = UpgradeOrder.Parse(gen.Order);
            if (was is UpgradeOrder.NotApplicableOrder && now is not UpgradeOrder.NotApplicableOrder)
            {
                Add(row.Line, $"{row.ObjectName} was 'N/A' when generated and must stay 'N/A' (found '{now.ToCell()}'): it is not eligible" + (gen.Reason is null ? string.Empty : $" ({gen.Reason})"));
            }
            else if (was is UpgradeOrder.InstalledOrder && now is not UpgradeOrder.InstalledOrder)
            {
                Add(row.Line, $"{row.ObjectName} was 'Installed' when generated and must stay 'Installed' (found '{now.ToCell()}')");
            }
            else if (was is UpgradeOrder.BatchOrder && now is UpgradeOrder.NotApplicableOrder or UpgradeOrder.InstalledOrder)
            {
                Add(row.Line, $"{row.ObjectName} is marked '{now.ToCell()}', which only generate may write: use a batch number or '-' to exclude it");
            }
        }

        var listed = new HashSet<string>(rows.Select(r => r.ObjectName), StringComparer.Ordinal);
        foreach (var gen in record.Rows)
        {
            if (!listed.Contains(gen.Name) && !inList.ContainsKey(gen.Name))
            {
                Add(gen.Line, $"{gen.Name} is missing (it was on line {Num(gen.Line)} when generated): rows cannot be removed; put '-' in Upgrade Order to exclude it");
            }
        }
    }

    private void CompareWithInventory(List<CandidateRow> rows, IInventoryView inventory)
    {
        foreach (var row in rows)
        {
            var known = inventory.Describe(row.ObjectName);
            if (known is null)
            {
                Add(row.Line, $"{row.ObjectName} is not in the inventory: rows cannot be added (run 'cdt generate')");
                continue;
            }

            Cell(row, "Cluster Name", known.Cluster, row.ClusterName);
            Cell(row, "IP Address", known.Ip, row.IpAddress);
        }
    }

    /// <summary>Every cluster or Security Group: one batch for all its members, or all excluded.</summary>
    private void CheckClusters(List<CandidateRow> rows)
    {
        foreach (var group in rows.Where(r => r.ClusterName.Length > 0).GroupBy(r => r.ClusterName, StringComparer.Ordinal))
        {
            CandidateRow? firstBatch = null;
            CandidateRow? firstExcluded = null;
            CandidateRow? firstNa = null;
            foreach (var r in group)
            {
                switch (r.Order)
                {
                    case UpgradeOrder.BatchOrder when firstBatch is null:
                        firstBatch = r;
                        break;
                    case UpgradeOrder.BatchOrder b when b.Number != ((UpgradeOrder.BatchOrder)firstBatch.Order).Number:
                        Add(r.Line, $"cluster {group.Key} is split across batches {firstBatch.Order.ToCell()} ({firstBatch.ObjectName}, line {Num(firstBatch.Line)}) and {b.ToCell()} ({r.ObjectName}): all members of a cluster must be in the same batch");
                        break;
                    case UpgradeOrder.ExcludedOrder:
                        firstExcluded ??= r;
                        break;
                    case UpgradeOrder.NotApplicableOrder:
                        firstNa ??= r;
                        break;
                }
            }

            if (firstBatch is not null && firstExcluded is not null)
            {
                var later = firstBatch.Line > firstExcluded.Line ? firstBatch : firstExcluded;
                Add(later.Line, $"cluster {group.Key} is partly excluded: {firstExcluded.ObjectName} is '-' but {firstBatch.ObjectName} is in batch {firstBatch.Order.ToCell()}: exclude all members or none");
            }

            if (firstBatch is not null && firstNa is not null)
            {
                Add(firstBatch.Line, $"cluster {group.Key} has a member that is N/A ({firstNa.ObjectName}) and members in batch {firstBatch.Order.ToCell()}: a cluster is upgraded whole or not at all; put '-' on its members");
            }
        }
    }

    private void Cell(CandidateRow row, string column, string was, string now)
    {
        if (!string.Equals(was, now, StringComparison.Ordinal))
        {
            Add(row.Line, $"{column} of {row.ObjectName} changed from '{was}' to '{now}': only Upgrade Order may be edited");
        }
    }

    private void Add(int line, string message) => _problems.Add(new Diagnostic(_path, line, 0, message));

    private ValidationResult Result(List<CandidateRow> rows, List<string> warnings)
    {
        var sorted = _problems.OrderBy(p => p.Line).ToList();
        return new ValidationResult(_path, sorted, sorted.Count == 0 ? rows : [], warnings);
    }

    private static string Num(int n) => n.ToString(CultureInfo.InvariantCulture);
}
