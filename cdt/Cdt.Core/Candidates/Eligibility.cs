using Cdt.Config;
using Cdt.Fleet;

namespace Cdt.Candidates;

/// <summary>Decides, for one gateway and one package, batch-eligible, N/A (and why) or Installed.</summary>
public static class Eligibility
{
    public const string NotInstalled = "the package is not installed: nothing to uninstall";

    public sealed record Verdict(UpgradeOrder Order, string? Reason);

    /// <summary>
    /// For an uninstall list: a gateway that has the package is eligible, whatever its version;
    /// one without it is N/A (<see cref="NotInstalled"/>). An active/passive pair of another
    /// vendor is offered whole, as for an install: CPUSE does not list its updates, its own
    /// <c>uninstall</c> command knows what to remove.
    /// </summary>
    public static Verdict ForRemoval(Gateway g, Cluster? cluster, PackageSpec package, string? unreachableDetail) =>
        Unfit(g, cluster, unreachableDetail) ?? (cluster is { Kind: ClusterKind.ActivePassivePair } || package.IsIn(g.InstalledPackages)
            ? new Verdict(UpgradeOrder.Batch(1), null)
            : new Verdict(UpgradeOrder.NotApplicable, NotInstalled));

    public static Verdict Of(Gateway g, Cluster? cluster, PackageSpec package, string? unreachableDetail)
    {
        if (Unfit(g, cluster, unreachableDetail) is { } unfit)
        {
            return unfit;
        }

        // An upgraded gateway no longer runs a version the upgrade applies to: it is Installed, not N/A.
        var inPlace = package.IsInPlace(g.Version, g.InstalledPackages);
        if (inPlace && package.Kind == PackageKind.Upgrade)
        {
            return new Verdict(UpgradeOrder.Installed, null);
        }

        if (!package.AppliesTo(g.Version))
        {
            return new Verdict(UpgradeOrder.NotApplicable, package.NotForVersion(g.Version));
        }

        if (inPlace)
        {
            return new Verdict(UpgradeOrder.Installed, null);
        }

        return new Verdict(UpgradeOrder.Batch(1), null);
    }

    private static Verdict? Unfit(Gateway g, Cluster? cluster, string? unreachableDetail) =>
        g.NotApplicable is { } reason ? new Verdict(UpgradeOrder.NotApplicable, reason)
        : cluster is { IsSupported: false } ? new Verdict(UpgradeOrder.NotApplicable, $"{FleetNames.Text(cluster.Kind)} clusters are not supported by CDT")
        : !g.Reachable ? new Verdict(UpgradeOrder.NotApplicable, unreachableDetail ?? "unreachable (inventory)")
        : null;
}
