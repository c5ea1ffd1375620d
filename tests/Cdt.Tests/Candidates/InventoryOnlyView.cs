using Cdt.Candidates;
using Cdt.Fleet;

namespace Cdt.Tests.Candidates;

/// <summary>An inventory that never changed since generation: what validate sees right after generate.</summary>
public sealed class InventoryOnlyView(FleetInventory inventory) : IInventoryView
{
    public string? StaleReason(GenerationRecord record) => null;

    public InventoryEntry? Describe(string objectName) =>
        inventory.Find(objectName) is { } g ? new InventoryEntry(g.ClusterName ?? string.Empty, g.Ip) : null;

    public bool IsSecurityGroup(string clusterName) => inventory.FindCluster(clusterName) is { IsSecurityGroup: true };

    public IReadOnlyList<string> Eligible() => [];
}
