using System.Globalization;
using Cdt.Fleet;

using Cdt.Storage;

namespace Cdt.Candidates;

/// <summary>
/// The current inventory as validate sees it. The file's hash is compared first, so an unchanged
/// inventory is never parsed; a changed one is parsed and its fingerprint compared.
/// </summary>
public sealed class FileInventoryView : IInventoryView
{
    private readonly IFileStore _files;
    private readonly string _inventoryPath;
    private FleetInventory? _inventory;

    private readonly Config.PackageSpec? _package;

    /// <param name="package">The package in use (Basic mode), so that lists without a record are held to the same eligibility as generate's.</param>
    public FileInventoryView(IFileStore files, string inventoryPath, Config.PackageSpec? package = null)
    {
        _files = files;
        _inventoryPath = inventoryPath;
        _package = package;
    }

    public FleetInventory Inventory => _inventory ??= InventoryLoader.LoadFile(_files, _inventoryPath);

    public string? StaleReason(GenerationRecord record)
    {
        if ((_inventoryPath == InventoryLoader.EmbeddedSampleName || _files.FileExists(_inventoryPath))
            && GenerationRecordStore.FileSha256(_files, _inventoryPath) == record.InventoryFileSha256)
        {
            return null;
        }

        if (Inventory.Fingerprint() == record.InventoryFingerprint)
        {
            return null;
        }

        var known = new HashSet<string>(record.Rows.Select(r => r.Name).Concat(record.Filtered), StringComparer.Ordinal);
        var now = new HashSet<string>(Inventory.Gateways.Select(g => g.Name), StringComparer.Ordinal);
        var added = now.Count(n => !known.Contains(n));
        var removed = known.Count(n => !now.Contains(n));
        var detail = added + removed == 0
            ? "addresses, versions or cluster membership changed"
            : string.Create(CultureInfo.InvariantCulture, $"{added} object(s) added, {removed} removed");
        return $"the inventory {_inventoryPath} changed since this list was generated ({detail}): the list is stale; run 'cdt generate' again";
    }

    public InventoryEntry? Describe(string objectName) =>
        Inventory.Find(objectName) is { } g
            ? new InventoryEntry(g.ClusterName ?? string.Empty, g.Ip, g.Version, _package is null ? null : Eligibility.Of(g, Inventory.ClusterOf(g), _package, null))
            : null;

    public IReadOnlyList<string> Eligible() =>
        _package is null
            ? []
            : [.. Inventory.Gateways.Where(g => Eligibility.Of(g, Inventory.ClusterOf(g), _package, null).Order is UpgradeOrder.BatchOrder).Select(g => g.Name)];

    public bool IsSecurityGroup(string clusterName) => Inventory.FindCluster(clusterName) is { IsSecurityGroup: true };
}
