using System.Globalization;
using Cdt.Fleet;

namespace Cdt.Simulation;

/// <summary>The Security Group and active/passive pair half of the world: who serves, and what a reboot changes for them.</summary>
public sealed partial class SimWorld
{
    /// <summary>
    /// Carrying (or able to carry) traffic: the gateway serves, and for a Security Group member its
    /// site or chassis is not administratively down either.
    /// </summary>
    public bool IsServing(SimGateway g, DateTimeOffset now) =>
        g.Serving(now) && !(ClusterOf(g) is { } c && c.AdminDownSites.Contains(g.Site));

    /// <summary>
    /// What a reboot changes beyond the gateway itself. A Security Group member loses its member
    /// admin-down state (not a chassis'), may never come UP (fault), and with SMO image auto-clone
    /// on it clones the packages of a member that did not reboot: the reason the procedure turns
    /// auto-clone off. A pair node applies what it installed and resynchronizes after a while.
    /// </summary>
    private void AfterReboot(SimGateway g, DateTimeOffset now)
    {
        var cluster = ClusterOf(g);
        if (cluster is not null && cluster.IsSecurityGroupKind())
        {
            g.AdminDown = false;
            g.Stuck = g.Has(Fault.NeverUp);
            if (cluster.AutoClone && MembersOf(cluster).FirstOrDefault(m => m != g && IsServing(m, now)) is { } source)
            {
                g.Installed = [.. source.Installed];
            }
        }
        else if (cluster is { Kind: ClusterKind.ActivePassivePair })
        {
            g.AppliedRounds += g.StagedChange;
            g.UpdateRounds -= g.StagedChange;
            g.StagedChange = 0;
            if (!MembersOf(cluster).Any(m => m.Has(Fault.NeverSyncs)))
            {
                Schedule(new SimEvent { At = now + g.SyncDuration, Gateway = g.Name, Kind = SimEventKind.PairSynced });
            }
        }
    }

    public string WhyOutOfService(SimGateway g, DateTimeOffset now) =>
        g.Serving(now) && ClusterOf(g) is { } c && c.AdminDownSites.Contains(g.Site)
            ? (c.Kind == ClusterKind.DualChassis ? "chassis " : "site ") + g.Site.ToString(CultureInfo.InvariantCulture) + " admin down"
            : g.WhyOutOfService(now);
}
