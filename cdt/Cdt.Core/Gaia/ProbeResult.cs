using Cdt.Fleet;

namespace Cdt.Gaia;

/// <summary>What a gateway says about itself: reachable or why not, version, installed packages, cluster role.</summary>
public sealed record ProbeResult
{
    public required bool Reachable { get; init; }

    public string? Error { get; init; }

    public string? Version { get; init; }

    public IReadOnlyList<string>? Installed { get; init; }

    public MemberState? State { get; init; }

    /// <summary>The gateway as the inventory knows it, refreshed with what the probe found.</summary>
    public Gateway ApplyTo(Gateway g) => Reachable
        ? g with { Version = Version ?? g.Version, InstalledPackages = Installed ?? g.InstalledPackages, State = State ?? g.State }
        : g with { Reachable = false };
}
