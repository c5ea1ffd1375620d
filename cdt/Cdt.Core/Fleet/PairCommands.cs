namespace Cdt.Fleet;

/// <summary>
/// The commands that drive an active/passive pair of any vendor (seed 003), as the admin configured
/// them (per pair in the inventory, defaults in cdt.conf). Each runs on one node through the remote
/// shell as configured; cdt reads only exit codes: they are never logged, since they may carry secrets.
/// </summary>
public sealed record PairCommands
{
    /// <summary>Exit 0: this node is the active one; exit 1: it is passive.</summary>
    public string? Active { get; init; }

    /// <summary>Run on the active node: hands the traffic over to the other node.</summary>
    public string? Switchover { get; init; }

    /// <summary>Exit 0: the two nodes are synchronized.</summary>
    public string? InSync { get; init; }

    /// <summary>Installs the pending updates without rebooting; exit 0 on success.</summary>
    public string? Install { get; init; }

    /// <summary>Removes the update again without rebooting (<c>cdt execute --uninstall</c>); exit 0 on success.</summary>
    public string? Uninstall { get; init; }

    /// <summary>Reboots the node (the connection may drop).</summary>
    public string? Reboot { get; init; }

    /// <summary>After the reboot: exit 0 when the updates are installed properly.</summary>
    public string? Verify { get; init; }

    /// <summary>Optional: exit 0 when more updates are pending (another round), exit 1 when none are.</summary>
    public string? Pending { get; init; }

    /// <summary>The keys as written in files, with their values.</summary>
    public IEnumerable<(string Key, string? Value)> All() =>
    [
        ("active", Active), ("switchover", Switchover), ("in_sync", InSync), ("install", Install),
        ("uninstall", Uninstall), ("reboot", Reboot), ("verify", Verify), ("pending", Pending),
    ];

    /// <summary>These commands, each missing one taken from <paramref name="defaults"/>.</summary>
    public PairCommands Over(PairCommands? defaults) => defaults is null ? this : new PairCommands
    {
        Active = Active ?? defaults.Active,
        Switchover = Switchover ?? defaults.Switchover,
        InSync = InSync ?? defaults.InSync,
        Install = Install ?? defaults.Install,
        Uninstall = Uninstall ?? defaults.Uninstall,
        Reboot = Reboot ?? defaults.Reboot,
        Verify = Verify ?? defaults.Verify,
        Pending = Pending ?? defaults.Pending,
    };

    /// <summary>The keys a run needs but nobody configured.</summary>
    public IReadOnlyList<string> Missing(bool uninstall) => All()
        .Where(c => c.Value is null && c.Key != "pending" && c.Key != (uninstall ? "install" : "uninstall"))
        .Select(c => c.Key)
        .ToList();
}
