using System.Globalization;
using Cdt.Diagnostics;
using Cdt.Formats;
using Cdt.Yaml;
using Cdt.Fleet;

namespace Cdt.Simulation;

/// <summary>
/// The whole simulated fleet: gateways, clusters, pending events and the invariant record.
/// One model for both adapters: the in-process simulator keeps it in memory, the SSH gateway
/// emulator loads and saves it as JSON around every command. All changes go through
/// <see cref="AdvanceTo"/> and the mutators below, which re-elect cluster roles and check the
/// invariant (never all members of a cluster, Security Group or pair out of service: some node,
/// logical group or chassis always carries the traffic) at every state change.
/// </summary>
public sealed partial class SimWorld
{
    public DateTimeOffset Clock { get; set; }

    public Dictionary<string, SimGateway> Gateways { get; set; } = new(StringComparer.Ordinal);

    public Dictionary<string, SimCluster> Clusters { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Package file name to the name CPUSE shows once imported.</summary>
    public Dictionary<string, string> Catalog { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public List<SimEvent> Events { get; set; } = [];

    /// <summary>Every moment the invariant broke, as a sentence. Tests assert this stays empty.</summary>
    public List<string> Violations { get; set; } = [];

    /// <summary>Command lines the simulator refused as not Gaia (an injected command would land here).</summary>
    public List<string> RefusedCommands { get; set; } = [];

    public bool RecordCommands { get; set; }

    public List<string> CommandLog { get; set; } = [];

    public SimGateway? Find(string name) => Gateways.GetValueOrDefault(name);

    public SimCluster? ClusterOf(SimGateway g) => g.Cluster is null ? null : Clusters.GetValueOrDefault(g.Cluster);

    public IEnumerable<SimGateway> MembersOf(SimCluster c) => c.Members.Select(m => Gateways[m]);

    /// <summary>Processes every event due up to <paramref name="now"/>, in time order.</summary>
    public void AdvanceTo(DateTimeOffset now)
    {
        while (true)
        {
            SimEvent? next = null;
            foreach (var e in Events)
            {
                if (e.At <= now && (next is null || e.At < next.At))
                {
                    next = e;
                }
            }

            if (next is null)
            {
                break;
            }

            Events.Remove(next);
            Clock = next.At > Clock ? next.At : Clock;
            Apply(next);
        }

        if (now > Clock)
        {
            Clock = now;
        }
    }

    /// <summary>
    /// Moves the world back in time to <paramref name="now"/> when its clock is ahead (a saved
    /// world loaded by a clock that started anew), every pending time with it: what was under way
    /// stays under way for as long as it had left.
    /// </summary>
    public void Rebase(DateTimeOffset now)
    {
        var back = Clock - now;
        if (back <= TimeSpan.Zero)
        {
            return;
        }

        Clock = now;
        foreach (var e in Events)
        {
            e.At -= back;
        }

        foreach (var g in Gateways.Values.Where(g => g.DownUntil is { } until && until != DateTimeOffset.MaxValue))
        {
            g.DownUntil -= back;
        }
    }

    /// <summary>The time of the next pending event, if any (lets a caller fast-forward).</summary>
    public DateTimeOffset? NextEventAt() => Events.Count == 0 ? null : Events.Min(e => e.At);

    public void Schedule(SimEvent e) => Events.Add(e);

    /// <summary>Starts a reboot now; the gateway answers nothing until it is back.</summary>
    public void StartReboot(SimGateway g, DateTimeOffset now)
    {
        g.Reboots++;
        if (ClusterOf(g) is { Kind: ClusterKind.ActivePassivePair } pair)
        {
            pair.InSync = false;
        }

        if (g.Has(Fault.RebootNeverReturns))
        {
            g.DownUntil = DateTimeOffset.MaxValue;
        }
        else
        {
            var until = now + (g.Has(Fault.SlowReboot) ? g.RebootDuration * 4 : g.RebootDuration);
            g.DownUntil = until;
            Schedule(new SimEvent { At = until, Gateway = g.Name, Kind = SimEventKind.RebootDone });
        }

        Changed(g, now);
    }

    /// <summary>Call after any change to a member: re-elects roles and checks the invariant.</summary>
    public void Changed(SimGateway g, DateTimeOffset now)
    {
        if (ClusterOf(g) is { } cluster)
        {
            Elect(cluster, now);
            CheckInvariant(cluster, now);
        }
    }

    private void Apply(SimEvent e)
    {
        var g = Gateways[e.Gateway];
        switch (e.Kind)
        {
            case SimEventKind.InstallDone:
                g.Busy = null;
                if (e.Success && e.Package is not null)
                {
                    if (!g.Installed.Contains(e.Package, StringComparer.OrdinalIgnoreCase))
                    {
                        g.Installed.Add(e.Package);
                    }

                    g.InstallCount[e.Package] = g.InstallCount.GetValueOrDefault(e.Package) + 1;
                    StartReboot(g, e.At);
                }
                else
                {
                    Changed(g, e.At);
                }

                break;
            case SimEventKind.UninstallDone:
                g.Busy = null;
                if (e.Success && e.Package is not null)
                {
                    g.Installed.RemoveAll(p => string.Equals(p, e.Package, StringComparison.OrdinalIgnoreCase));
                    StartReboot(g, e.At);
                }
                else
                {
                    Changed(g, e.At);
                }

                break;
            case SimEventKind.RebootDone:
                g.DownUntil = null;
                g.ConfigLocked = g.Has(Fault.ConfigLock);
                AfterReboot(g, e.At);
                Changed(g, e.At);
                break;
            case SimEventKind.PairSynced:
                if (ClusterOf(g) is { } synced && MembersOf(synced).All(m => IsServing(m, e.At)))
                {
                    synced.InSync = true;
                }

                break;
            default:
                throw new InvalidOperationException("unknown simulator event " + e.Kind);
        }
    }

    /// <summary>
    /// Who carries the traffic now: the active member keeps its role while it serves (no
    /// preemption); if it stops serving, the first serving member in order takes over. A dual
    /// chassis keeps its active chassis the same way.
    /// </summary>
    private void Elect(SimCluster cluster, DateTimeOffset now)
    {
        if (cluster.Kind == ClusterKind.DualChassis && !MembersOf(cluster).Any(m => m.Site == cluster.ActiveSite && IsServing(m, now))
            && MembersOf(cluster).FirstOrDefault(m => IsServing(m, now)) is { } survivor)
        {
            cluster.ActiveSite = survivor.Site;
        }

        var (activeRole, standbyRole) = cluster.Kind == ClusterKind.Vrrp ? (SimRole.Master, SimRole.Backup) : (SimRole.Active, SimRole.Standby);
        var members = MembersOf(cluster).ToList();
        var current = members.FirstOrDefault(m => m.Role == activeRole && IsServing(m, now));
        current ??= members.FirstOrDefault(m => IsServing(m, now));
        foreach (var m in members)
        {
            if (m == current)
            {
                m.Role = activeRole;
            }
            else if (m.Role == activeRole || m.Role == SimRole.None || IsServing(m, now))
            {
                m.Role = standbyRole;
            }
        }
    }

    private void CheckInvariant(SimCluster cluster, DateTimeOffset now)
    {
        if (!cluster.Members.Select(m => Gateways[m]).Any(m => IsServing(m, now)))
        {
            if (!cluster.OutOfService)
            {
                cluster.OutOfService = true;
                var states = string.Join(", ", MembersOf(cluster).Select(m => m.Name + ": " + WhyOutOfService(m, now)));
                Violations.Add(string.Create(CultureInfo.InvariantCulture, $"{IsoTime.Format(now)}: every member of {cluster.Name} is out of service ({states})"));
            }
        }
        else
        {
            cluster.OutOfService = false;
        }
    }
}
