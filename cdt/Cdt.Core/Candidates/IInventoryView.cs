namespace Cdt.Candidates;

/// <summary>What validate needs from the current inventory, loaded only when it is needed.</summary>
public interface IInventoryView
{
    /// <summary>Null when the inventory still matches the record, else one sentence saying how it changed.</summary>
    string? StaleReason(GenerationRecord record);

    /// <summary>The inventory's cluster and IP for an object, for lists that have no generation record.</summary>
    InventoryEntry? Describe(string objectName);

    /// <summary>Whether a cluster name is a Security Group's, for lists that have no generation record.</summary>
    bool IsSecurityGroup(string clusterName);

    /// <summary>The gateways the package may be installed on (none known without a package), for lists that have no generation record.</summary>
    IReadOnlyList<string> Eligible();
}

/// <summary>
/// One object as the inventory describes it; <paramref name="Verdict"/> is what generate would
/// decide for it with the package in use (null when no package is known).
/// </summary>
public sealed record InventoryEntry(string Cluster, string Ip, string Version = "", Eligibility.Verdict? Verdict = null);
