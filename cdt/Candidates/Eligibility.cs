using Cdt.Config;
using Cdt.Fleet;

namespace Cdt.Candidates;

/// <summary>Decides, for one gateway and one package, batch-eligible, N/A (and why) or Installed.</summary>
public static class Eligibility
{
    public sealed record Verdict(UpgradeOrder Order, string? Reason);

    public static Verdict Of(Gateway g, Cluster? cluster, PackageSpec package, string? unreachableDetail)
    {
        if (cluster is { IsSupported: false })
        {
            return new Verdict(UpgradeOrder.NotApplicable, $"{FleetNames.Text(cluster.Kind)} clusters are not supported by CDT");
        }

        if (!g.Reachable)
        {
            return new Verdict(UpgradeOrder.NotApplicable, unreachableDetail ?? "unreachable (inventory)");
        }

        // An upgraded gateway no longer runs a version the upgrade applies to: it is Installed, not N/A.
        var inPlace = package.IsInPlace(g.Version, g.InstalledPackages);
        if (inPlace && package.Kind == PackageKind.Upgrade)
        {
            return new Verdict(UpgradeOrder.Installed, null);
        }

        if (!package.AppliesTo(g.Version))
        {
            return new Verdict(UpgradeOrder.NotApplicable, $"version {g.Version} is not one the package applies to ({string.Join(", ", package.Versions)})");
        }

        if (inPlace)
        {
            return new Verdict(UpgradeOrder.Installed, null);
        }

        return new Verdict(UpgradeOrder.Batch(1), null);
    }
}
