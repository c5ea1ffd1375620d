using Cdt.Fleet;

namespace Cdt.Execution;

/// <summary>
/// The run a remote shell serves: its fleet, and its run folder, where a simulated fleet keeps
/// its state so that a resumed run finds the gateways as the killed one left them.
/// </summary>
public sealed record ShellScope(FleetInventory Inventory, string RunFolder, bool Resumed);
