using Cdt.Formats;
using Cdt.Gaia;

namespace Cdt.Execution.Choreography;

/// <summary>
/// ClusterXL High Availability and VSX VSLS: states from <c>cphaprob state</c>; the traffic leaves
/// the active member with <c>clusterXL_admin down</c>, held until an upgraded member is ACTIVE (else
/// undone), and the former active comes back with <c>clusterXL_admin up</c>. A version upgrade with
/// connectivity_upgrade keeps connections through Multi-Version Cluster mode while versions differ.
/// </summary>
public sealed class ClusterXlKind : IActiveStandbyKind
{
    public string ActiveState => "ACTIVE";

    public string StandbyState => "STANDBY";

    public string Active => "active member";

    public string Standby => "standby";

    public string FormerActivePhase => "former-active";

    public string InstallingFormerActive(string name) => $"installing the former active member {name}";

    public async Task<MemberView> ReadAsync(UnitRun unit, RunTarget member, CancellationToken ct)
    {
        var answer = await unit.Run.Driver.ClusterStateAsync(member.Target, ct);
        if (!answer.Ok)
        {
            return MemberView.Unread(member, !answer.TransportFailed, answer.Error);
        }

        return answer.Value!.Local is { } local
            ? new MemberView(member, true, local.State, answer.Value.ProblemNotifications, null)
            : MemberView.Unread(member, true, "no (local) line in cphaprob state");
    }

    public async Task<string?> HandOverAsync(UnitRun unit, RunTarget active, IReadOnlyList<string> ready, CancellationToken ct)
    {
        var run = unit.Run;
        unit.Phase(ActiveStandbyChoreography.HandedOver + active.Name, $"failing over from {active.Name} (clusterXL_admin down) to an upgraded member ({string.Join(", ", ready)})");
        var down = await run.Driver.RunAsync(active.Target, t => GaiaCommands.ClusterAdmin(t, up: false), run.Settings.CommandTimeout, ct);
        run.Recorder.Detail(active.Name, "clusterXL_admin down: " + down.Describe());
        var (held, after) = await new ClusterViews(unit, this).WaitUntilAsync(v => v.Any(x => ready.Contains(x.Name) && x.Reachable && x.IsActive), run.Settings.FailoverTimeout, ct);
        if (held)
        {
            return null;
        }

        var up = await run.Driver.RunAsync(active.Target, t => GaiaCommands.ClusterAdmin(t, up: true), run.Settings.CommandTimeout, ct);
        unit.Phase(ActiveStandbyChoreography.Released + active.Name, $"failover did not happen: clusterXL_admin up on {active.Name} again ({up.Describe()})");
        return $"failover did not happen within {DurationText.Format(run.Settings.FailoverTimeout)}: ran clusterXL_admin up on {active.Name} again, which keeps carrying the traffic; members: {ClusterViews.Describe(after)}";
    }

    public async Task ReleaseAsync(UnitRun unit, RunTarget former, CancellationToken ct)
    {
        var run = unit.Run;
        var up = await run.Driver.RunAsync(former.Target, t => GaiaCommands.ClusterAdmin(t, up: true), run.Settings.CommandTimeout, ct);
        unit.Phase(ActiveStandbyChoreography.Released + former.Name, $"clusterXL_admin up on {former.Name}: {up.Describe()}");
    }

    public async Task StandbysUpgradedAsync(UnitRun unit, IReadOnlyList<RunTarget> group, CancellationToken ct)
    {
        if (!ConnectivityUpgrade(unit))
        {
            return;
        }

        // Multi-Version Cluster: the upgraded member syncs connections with the older active one.
        foreach (var g in group)
        {
            var mvc = await unit.Run.Driver.RunAsync(g.Target, t => GaiaCommands.Mvc(t, on: true), unit.Run.Settings.CommandTimeout, ct);
            unit.Phase("mvc-on:" + g.Name, $"connectivity upgrade: cphaconf mvc on, on {g.Name}: {mvc.Describe()}");
        }
    }

    public async Task PassedAsync(UnitRun unit, CancellationToken ct)
    {
        if (!ConnectivityUpgrade(unit))
        {
            return;
        }

        foreach (var m in unit.Unit.Members)
        {
            var off = await unit.Run.Driver.RunAsync(m.Target, t => GaiaCommands.Mvc(t, on: false), unit.Run.Settings.CommandTimeout, ct);
            unit.Phase("mvc-off:" + m.Name, $"connectivity upgrade done: cphaconf mvc off, on {m.Name}: {off.Describe()}");
        }
    }

    /// <summary>connectivity_upgrade applies to version upgrades (MVC); hotfixes need nothing.</summary>
    private static bool ConnectivityUpgrade(UnitRun unit) =>
        unit.Run.ConnectivityUpgrade && unit.Run.Package?.Kind == Config.PackageKind.Upgrade && !unit.Run.Uninstall;
}
