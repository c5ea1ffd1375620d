namespace Cdt.Fleet.Management;

/// <summary>Everything read from a Management API server for an inventory: the objects in the server's order, and each readable cluster's mode and members.</summary>
public sealed record ManagementSnapshot(IReadOnlyList<ManagementObject> Objects, IReadOnlyDictionary<string, SimpleCluster> Clusters);
