namespace Cdt.Fleet.Management;

/// <summary>What <c>show-simple-cluster</c> adds to a cluster object: its mode and its members' names.</summary>
public sealed record SimpleCluster(string Mode, IReadOnlyList<string> Members);
