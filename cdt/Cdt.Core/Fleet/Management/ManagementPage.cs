namespace Cdt.Fleet.Management;

/// <summary>One page of <c>show-gateways-and-servers</c>: objects <see cref="From"/> to <see cref="To"/> (1-based) of <see cref="Total"/>.</summary>
public sealed record ManagementPage(int From, int To, int Total, IReadOnlyList<ManagementObject> Objects);
