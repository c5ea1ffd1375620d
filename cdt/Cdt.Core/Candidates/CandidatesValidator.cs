using System.Globalization;
using Cdt.Diagnostics;
using Cdt.Formats;
using Cdt.Yaml;

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

        var entries = new List<Entry>(file.Rows.Count);
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

            entries.Add(new Entry(raw, UpgradeOrder.Parse(raw.OrderText)));
        }

        Func<string, bool> isSecurityGroup;
        if (record is not null)
        {
            CompareWithRecord(entries, record, firstLine, file.MalformedNames);
            if (inventory.StaleReason(record) is { } stale)
            {
                Add(1, stale);
            }

            var groups = new HashSet<string>(record.SecurityGroups, StringComparer.Ordinal);
            isSecurityGroup = groups.Contains;
        }
        else
        {
            warnings.Add($"no generation record ({GenerationRecord.PathFor(file.Path)}): immutable columns were checked against the inventory only");
            if (file.Rows.Count == 0)
            {
                Add(1, "the list has no rows: run 'cdt generate'");
            }

            CompareWithInventory(entries, inventory, warnings);
            isSecurityGroup = inventory.IsSecurityGroup;
        }

        var rows = new List<CandidateRow>(entries.Count);
        foreach (var e in entries)
        {
            if (e.Order is not null)
            {
                rows.Add(e.ToRow());
            }
        }

        ClusterBatchRule.Check(rows, isSecurityGroup, Add);
        return Result(rows, warnings);
    }

    private void CompareWithRecord(List<Entry> entries, GenerationRecord record, Dictionary<string, int> inList, IReadOnlySet<string> malformed)
    {
        // Rows usually keep their generated order: look a row up by position first, by name only when it moved.
        Dictionary<string, RecordRow>? byName = null;
        for (var i = 0; i < entries.Count; i++)
        {
            var e = entries[i];
            var raw = e.Raw;
            var gen = i < record.Rows.Count && string.Equals(record.Rows[i].Name, raw.ObjectName, StringComparison.Ordinal) ? record.Rows[i] : null;
            if (gen is null)
            {
                byName ??= ByName(record);
                gen = byName.GetValueOrDefault(raw.ObjectName);
            }

            if (gen is null)
            {
                Add(raw.Line, $"{raw.ObjectName} is not in the generated list: rows cannot be added (run 'cdt generate' to pick up new gateways)");
                continue;
            }

            Cell(raw, 1, gen.Cluster);
            Cell(raw, 2, gen.Ip);
            Cell(raw, 3, gen.Version);
            Cell(raw, 4, gen.State);

            var now = e.Order;
            var was = UpgradeOrder.Parse(gen.Order);
            if (was is UpgradeOrder.NotApplicableOrder && now is not UpgradeOrder.NotApplicableOrder)
            {
                Add(raw.Line, $"{raw.ObjectName} was 'N/A' when generated and must stay 'N/A' (found '{raw.OrderText}'): it is not eligible" + (gen.Reason is null ? string.Empty : $" ({gen.Reason})"));
            }
            else if (was is UpgradeOrder.InstalledOrder && now is not UpgradeOrder.InstalledOrder)
            {
                Add(raw.Line, $"{raw.ObjectName} was 'Installed' when generated and must stay 'Installed' (found '{raw.OrderText}')");
            }
            else if (was is UpgradeOrder.BatchOrder && now is UpgradeOrder.NotApplicableOrder or UpgradeOrder.InstalledOrder)
            {
                Add(raw.Line, $"{raw.ObjectName} is marked '{raw.OrderText}', which only generate may write: use a batch number or '-' to exclude it");
            }
            else if (now is null)
            {
                BadOrder(raw);
            }
        }

        foreach (var gen in record.Rows)
        {
            if (!inList.ContainsKey(gen.Name) && !malformed.Contains(gen.Name))
            {
                Add(gen.Line, $"{gen.Name} is missing (it was on line {Num(gen.Line)} when generated): rows cannot be removed; put '-' in Upgrade Order to exclude it");
            }
        }
    }

    private static Dictionary<string, RecordRow> ByName(GenerationRecord record)
    {
        var byName = new Dictionary<string, RecordRow>(record.Rows.Count, StringComparer.Ordinal);
        foreach (var r in record.Rows)
        {
            byName.TryAdd(r.Name, r);
        }

        return byName;
    }

    private void CompareWithInventory(List<Entry> entries, IInventoryView inventory, List<string> warnings)
    {
        var names = new HashSet<string>(entries.Select(e => e.Raw.ObjectName), StringComparer.Ordinal);
        foreach (var e in entries)
        {
            if (e.Order is null)
            {
                BadOrder(e.Raw);
            }

            var known = inventory.Describe(e.Raw.ObjectName);
            if (known is null)
            {
                Add(e.Raw.Line, $"{e.Raw.ObjectName} is not in the inventory: rows cannot be added (run 'cdt generate')");
                continue;
            }

            Cell(e.Raw, 1, known.Cluster);
            Cell(e.Raw, 2, known.Ip);
            if (known.Version.Length > 0)
            {
                Cell(e.Raw, 3, known.Version);
            }

            if (e.Order is UpgradeOrder.BatchOrder && known.Verdict is { } verdict)
            {
                CheckEligible(e.Raw, known, verdict);
            }
        }

        var missing = inventory.Eligible().Where(n => !names.Contains(n)).ToList();
        if (missing.Count > 0)
        {
            warnings.Add($"{missing.Count.ToString(CultureInfo.InvariantCulture)} eligible gateway(s) of the inventory are not in the list: {string.Join(", ", missing)}");
        }
    }

    // Without a record, what generate would have decided is decided again from the inventory: a
    // batch number cannot make an ineligible gateway eligible.
    private void CheckEligible(RawRow raw, InventoryEntry known, Eligibility.Verdict verdict)
    {
        if (verdict.Order is UpgradeOrder.NotApplicableOrder)
        {
            Add(raw.Line, $"{raw.ObjectName} is not eligible ({verdict.Reason}) and cannot be in a batch (found '{raw.OrderText}'): put 'N/A'");
        }
        else if (verdict.Order is UpgradeOrder.InstalledOrder && known.Cluster.Length == 0)
        {
            // A cluster is upgraded whole, so an installed member of a cluster that needs it stays in the batch.
            Add(raw.Line, $"{raw.ObjectName} already has the package according to the inventory and cannot be in a batch (found '{raw.OrderText}'): put 'Installed'");
        }
    }

    private void BadOrder(RawRow raw) =>
        Add(raw.Line, raw.OrderText.Length == 0
            ? $"Upgrade Order of {raw.ObjectName} is empty: use a batch number (1, 2, ...) or '-' to exclude it"
            : $"Upgrade Order of {raw.ObjectName} is '{raw.OrderText}': use a batch number (1, 2, ...) or '-' to exclude it");

    private void Cell(RawRow row, int column, string was)
    {
        var now = row.Cells[column];
        if (!string.Equals(was, now, StringComparison.Ordinal))
        {
            Add(row.Line, $"{CandidatesColumns.Names[column]} of {row.ObjectName} changed from '{was}' to '{now}': only Upgrade Order may be edited");
        }
    }

    private void Add(int line, string message) => _problems.Add(new Diagnostic(_path, line, 0, message));

    private ValidationResult Result(List<CandidateRow> rows, List<string> warnings)
    {
        var sorted = _problems.OrderBy(p => p.Line).ToList();
        return new ValidationResult(_path, sorted, sorted.Count == 0 ? rows : [], warnings);
    }

    private static string Num(int n) => n.ToString(CultureInfo.InvariantCulture);

    /// <summary>A row being checked; its order is null when the cell is not a valid Upgrade Order.</summary>
    private readonly record struct Entry(RawRow Raw, UpgradeOrder? Order)
    {
        public CandidateRow ToRow() => new()
        {
            ObjectName = Raw.ObjectName,
            ClusterName = Raw.Cells[1],
            IpAddress = Raw.Cells[2],
            Version = Raw.Cells[3],
            State = Raw.Cells[4],
            Order = Order!,
            Line = Raw.Line,
        };
    }
}
