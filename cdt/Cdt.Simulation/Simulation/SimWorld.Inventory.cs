using Cdt.Fleet;

namespace Cdt.Simulation;

/// <summary>A simulated fleet built from an inventory: every gateway, cluster and package as the inventory describes them.</summary>
public sealed partial class SimWorld
{
    public static SimWorld FromInventory(FleetInventory inventory, DateTimeOffset start)
    {
        var world = new SimWorld { Clock = start };
        foreach (var p in inventory.Catalog)
        {
            world.Catalog[p.File] = p.Name;
        }

        foreach (var g in inventory.Gateways)
        {
            var sim = g.Simulation;
            var faults = new HashSet<Fault>(sim.Faults);
            if (!g.Reachable)
            {
                faults.Add(Fault.Unreachable);
            }

            world.Gateways[g.Name] = new SimGateway
            {
                Name = g.Name,
                Address = g.Ssh?.Host ?? g.Ip,
                Version = g.Version,
                Cluster = g.ClusterName,
                MemberId = g.MemberId,
                // "auto" is cdt's question, not the gateway's answer: a simulated gateway logs in to Expert unless told otherwise.
                Shell = g.Shell == LoginShell.Auto ? LoginShell.Expert : g.Shell,
                Vsx = g.Vsx,
                InstallDuration = sim.InstallDuration,
                RebootDuration = sim.RebootDuration,
                Faults = faults,
                TransferFailuresLeft = sim.TransferFailures,
                ScriptExitCodes = new Dictionary<string, int>(sim.ScriptExitCodes),
                Installed = [.. g.InstalledPackages],
                Role = g.State switch
                {
                    MemberState.Active or MemberState.VslsActiveMember => SimRole.Active,
                    MemberState.Standby or MemberState.VslsMember or MemberState.Passive => SimRole.Standby,
                    MemberState.Master => SimRole.Master,
                    MemberState.Backup => SimRole.Backup,
                    _ => SimRole.None,
                },
                ConfigLocked = sim.Has(Fault.ConfigLock),
                UpdateRounds = sim.UpdateRounds,
                SyncDuration = sim.SyncDuration,
            };
        }

        foreach (var c in inventory.Clusters)
        {
            world.Clusters[c.Name] = new SimCluster { Name = c.Name, Kind = c.Kind, Members = [.. c.Members] };
            HealthyWhenNoStateIsKnown(world, c);
        }

        return world;
    }

    /// <summary>
    /// An inventory read from a management server knows no member states (generate reads them
    /// from the gateways): such a simulated cluster starts healthy, its first member active.
    /// </summary>
    private static void HealthyWhenNoStateIsKnown(SimWorld world, Cluster c)
    {
        var members = c.Members.Select(m => world.Gateways.GetValueOrDefault(m)).OfType<SimGateway>().ToList();
        if (members.Count == 0 || members.Any(m => m.Role != SimRole.None))
        {
            return;
        }

        (SimRole First, SimRole Others)? roles = c.Kind switch
        {
            ClusterKind.ClusterXlHa or ClusterKind.VsxVsls => (SimRole.Active, SimRole.Standby),
            ClusterKind.Vrrp => (SimRole.Master, SimRole.Backup),
            _ => null,
        };
        if (roles is { } r)
        {
            for (var i = 0; i < members.Count; i++)
            {
                members[i].Role = i == 0 ? r.First : r.Others;
            }
        }
    }
}
