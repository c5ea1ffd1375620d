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

        if (!package.AppliesTo(g.Version))
        {
            return new Verdict(UpgradeOrder.NotApplicable, $"version {g.Version} is not one the package applies to ({string.Join(", ", package.Versions)})");
        }

        if (package.IsIn(g.InstalledPackages))
        {
            return new Verdict(UpgradeOrder.Installed, null);
        }

        return new Verdict(UpgradeOrder.Batch(1), null);
    }
}
