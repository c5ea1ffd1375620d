using Cdt.Gaia;

namespace Cdt.Execution.Choreography;

/// <summary>
/// ClusterXL High Availability and VSX VSLS: pre-check (one ACTIVE, the rest STANDBY, no problem
/// notifications), install the standby members one at a time (each must rejoin as STANDBY),
/// fail over with <c>clusterXL_admin down</c> on the active and wait until an upgraded member is
/// ACTIVE, install the former active, <c>clusterXL_admin up</c>, post-check. The active member is
/// never touched while no upgraded member stands ready to take its traffic.
/// </summary>
public sealed class ClusterXlChoreography : IUnitChoreography
{
    public async Task RunAsync(UnitRun unit, CancellationToken ct)
    {
        var run = unit.Run;
        var s = run.Settings;
        // Resume after a crash between our failover and bringing the former active back: whatever
        // else is done, that member must come back into the cluster.
        if (unit.LastPhaseStartingWith("failover:") is { } failover && !unit.Reached("up:" + failover[9..]))
        {
            await FormerActiveAsync(unit, unit.Unit.Members.First(m => m.Name == failover[9..]), ct);
            return;
        }

        if (!unit.Unit.Targets.Any(unit.NeedsWork))
        {
            // Every member was done before a crash: only the final check is left.
            await ClusterXlChoreography.PostCheckAsync(unit, ct);
            return;
        }

        var views = await ClusterViews.ReadAsync(unit, ct);
        var resumed = unit.Reached("precheck");
        if (!resumed && !Healthy(views, out var why))
        {
            unit.Finish(false, $"pre-check failed, nothing was touched: {why} ({ClusterViews.Describe(views)})", TargetRunner.Failed);
            return;
        }

        var active = views.Where(v => v.IsActive).Select(v => v.Member).ToList();
        if (active.Count != 1)
        {
            unit.Finish(false, $"expected exactly one ACTIVE member, found {active.Count}: nothing more was touched ({ClusterViews.Describe(views)})", TargetRunner.Failed);
            return;
        }

        if (!resumed)
        {
            unit.Phase("precheck", "pre-check passed: " + ClusterViews.Describe(views));
        }

        var activeMember = active[0];
        var standbys = unit.Unit.Targets.Where(t => t != activeMember && unit.NeedsWork(t)).ToList();
        foreach (var group in standbys.Chunk(Math.Max(1, s.MaxNodesPerCluster)))
        {
            unit.Phase("standby:" + string.Join(",", group.Select(g => g.Name)), "installing standby member(s) " + string.Join(", ", group.Select(g => g.Name)));
            var results = await Task.WhenAll(group.Select(g => unit.InstallAsync(g, ct)));
            var failed = group.Where((_, i) => !results[i]).ToList();
            if (failed.Count > 0)
            {
                var now = await ClusterViews.ReadAsync(unit, ct);
                unit.Finish(false, $"standby member {string.Join(", ", failed.Select(f => f.Name))} failed ({run.State.Targets[failed[0].Name].Message}); the active member {activeMember.Name} was not touched and carries the traffic; members: {ClusterViews.Describe(now)}");
                return;
            }

            var names = group.Select(g => g.Name).ToHashSet(StringComparer.Ordinal);
            var (rejoined, after) = await ClusterViews.WaitUntilAsync(unit, v => v.Where(x => names.Contains(x.Name)).All(x => x.Reachable && x.IsStandby), s.FailoverTimeout, ct);
            if (!rejoined)
            {
                unit.Finish(false, $"{string.Join(", ", names)} installed but did not rejoin the cluster as STANDBY within {Formats.DurationText.Format(s.FailoverTimeout)}; the active member {activeMember.Name} was not touched; members: {ClusterViews.Describe(after)}");
                return;
            }

            if (ConnectivityUpgrade(unit))
            {
                // Multi-Version Cluster: the upgraded member syncs connections with the older active one.
                foreach (var g in group)
                {
                    var mvc = await run.Driver.RunAsync(g.Target, t => GaiaCommands.Mvc(t, on: true), s.CommandTimeout, ct);
                    unit.Phase("mvc-on:" + g.Name, $"connectivity upgrade: cphaconf mvc on, on {g.Name}: {mvc.Describe()}");
                }
            }
        }

        if (unit.Unit.Targets.Contains(activeMember) && unit.NeedsWork(activeMember))
        {
            if (!await FailOverAsync(unit, activeMember, ct))
            {
                return;
            }

            await FormerActiveAsync(unit, activeMember, ct);
            return;
        }

        await PostCheckAsync(unit, ct);
    }

    private static async Task<bool> FailOverAsync(UnitRun unit, RunTarget active, CancellationToken ct)
    {
        var run = unit.Run;
        var views = await ClusterViews.ReadAsync(unit, ct);
        var ready = new List<string>();
        foreach (var v in views.Where(v => v.Reachable && v.IsStandby && v.ProblemNotifications.Count == 0))
        {
            if (await unit.IsDoneAsync(v.Member, ct))
            {
                ready.Add(v.Name);
            }
        }

        if (ready.Count == 0)
        {
            unit.Finish(false, $"no upgraded member is STANDBY and ready to take over, so the active member {active.Name} was not touched; members: {ClusterViews.Describe(views)}");
            return false;
        }

        unit.Phase("failover:" + active.Name, $"failing over from {active.Name} (clusterXL_admin down) to an upgraded member ({string.Join(", ", ready)})");
        var down = await run.Driver.RunAsync(active.Target, t => GaiaCommands.ClusterAdmin(t, up: false), run.Settings.CommandTimeout, ct);
        run.Recorder.Detail(active.Name, "clusterXL_admin down: " + down.Describe());
        var (held, after) = await ClusterViews.WaitUntilAsync(unit, v => v.Any(x => ready.Contains(x.Name) && x.Reachable && x.IsActive), run.Settings.FailoverTimeout, ct);
        if (held)
        {
            return true;
        }

        var up = await run.Driver.RunAsync(active.Target, t => GaiaCommands.ClusterAdmin(t, up: true), run.Settings.CommandTimeout, ct);
        unit.Phase("up:" + active.Name, $"failover did not happen: clusterXL_admin up on {active.Name} again ({up.Describe()})");
        unit.Finish(false, $"failover did not happen within {Formats.DurationText.Format(run.Settings.FailoverTimeout)}: ran clusterXL_admin up on {active.Name} again, which keeps carrying the traffic; members: {ClusterViews.Describe(after)}");
        return false;
    }

    private static async Task FormerActiveAsync(UnitRun unit, RunTarget former, CancellationToken ct)
    {
        var run = unit.Run;
        var ok = true;
        if (unit.NeedsWork(former))
        {
            unit.Phase("former-active:" + former.Name, $"installing the former active member {former.Name}");
            ok = await unit.InstallAsync(former, ct);
        }

        // Back into the cluster whatever happened: a member left administratively down is lost redundancy.
        var up = await run.Driver.RunAsync(former.Target, t => GaiaCommands.ClusterAdmin(t, up: true), run.Settings.CommandTimeout, ct);
        unit.Phase("up:" + former.Name, $"clusterXL_admin up on {former.Name}: {up.Describe()}");
        if (!ok)
        {
            var views = await ClusterViews.ReadAsync(unit, ct);
            unit.Finish(false, $"the former active member {former.Name} failed ({run.State.Targets[former.Name].Message}); traffic stays on the upgraded member(s); members: {ClusterViews.Describe(views)}");
            return;
        }

        var (rejoined, after) = await ClusterViews.WaitUntilAsync(unit, v => v.First(x => x.Name == former.Name) is { Reachable: true, IsStandby: true }, run.Settings.FailoverTimeout, ct);
        if (!rejoined)
        {
            unit.Finish(false, $"{former.Name} installed but did not rejoin as STANDBY within {Formats.DurationText.Format(run.Settings.FailoverTimeout)}; members: {ClusterViews.Describe(after)}");
            return;
        }

        await PostCheckAsync(unit, ct);
    }

    public static async Task PostCheckAsync(UnitRun unit, CancellationToken ct)
    {
        var views = await ClusterViews.ReadAsync(unit, ct);
        var missing = new List<string>();
        foreach (var m in unit.Unit.Members)
        {
            if (!await unit.IsDoneAsync(m, ct))
            {
                missing.Add(m.Name);
            }
        }

        if (!Healthy(views, out var why))
        {
            unit.Finish(false, $"post-check: the cluster is not healthy: {why}; members: {ClusterViews.Describe(views)}");
        }
        else if (missing.Count > 0)
        {
            unit.Finish(false, $"post-check: the package is {(unit.Run.Uninstall ? "still installed" : "missing")} on {string.Join(", ", missing)}; members: {ClusterViews.Describe(views)}");
        }
        else
        {
            if (ConnectivityUpgrade(unit))
            {
                foreach (var m in unit.Unit.Members)
                {
                    var off = await unit.Run.Driver.RunAsync(m.Target, t => GaiaCommands.Mvc(t, on: false), unit.Run.Settings.CommandTimeout, ct);
                    unit.Phase("mvc-off:" + m.Name, $"connectivity upgrade done: cphaconf mvc off, on {m.Name}: {off.Describe()}");
                }
            }

            unit.Phase("postcheck", "post-check passed");
            unit.Finish(true, "upgraded; " + ClusterViews.Describe(views));
        }
    }

    /// <summary>connectivity_upgrade applies to version upgrades of ClusterXL clusters (MVC); hotfixes need nothing.</summary>
    private static bool ConnectivityUpgrade(UnitRun unit) =>
        unit.Run.ConnectivityUpgrade && unit.Run.Package?.Kind == Config.PackageKind.Upgrade && !unit.Run.Uninstall;

    /// <summary>What CDT requires before and after: every member reachable, one active, the others standby, no problem notifications.</summary>
    public static bool Healthy(IReadOnlyList<MemberView> views, out string why)
    {
        if (views.FirstOrDefault(v => !v.Reachable || v.State == "UNKNOWN") is { } lost)
        {
            why = $"{lost.Name} cannot be read ({lost.Error})";
            return false;
        }

        if (views.FirstOrDefault(v => v.State.EndsWith("(!)", StringComparison.Ordinal)) is { } alert)
        {
            why = $"{alert.Name} is {alert.State}: it reports a problem";
            return false;
        }

        var actives = views.Count(v => v.IsActive);
        if (actives != 1)
        {
            why = $"{actives} members are active, expected exactly one";
            return false;
        }

        if (views.FirstOrDefault(v => !v.IsActive && !v.IsStandby) is { } odd)
        {
            why = $"{odd.Name} is {odd.State}, expected standby";
            return false;
        }

        if (views.FirstOrDefault(v => v.ProblemNotifications.Count > 0) is { } noted)
        {
            why = $"{noted.Name} has active problem notifications ({string.Join(", ", noted.ProblemNotifications)})";
            return false;
        }

        why = "healthy";
        return true;
    }
}
