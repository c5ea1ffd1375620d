using Cdt.Formats;

namespace Cdt.Execution.Choreography;

/// <summary>
/// An active/standby cluster (ClusterXL HA, VSX VSLS, VRRP): pre-check (every member answers,
/// exactly one active, the others standby, no problem notifications); the standby members, at most
/// <c>max_nodes_per_cluster</c> at a time, each group back as standby before the next; then, once an
/// upgraded member stands ready, the traffic leaves the active member (the kind's hand-over), it is
/// installed and released, the cluster must settle healthy again; post-check. The active member is
/// never touched while no upgraded member stands ready to take its traffic. What differs by kind
/// (reading states, the hand-over, the words) comes from <see cref="IActiveStandbyKind"/>.
/// </summary>
public sealed class ActiveStandbyChoreography : IUnitChoreography
{
    /// <summary>Journal phase prefix: the traffic was taken off this member (followed by its name).</summary>
    public const string HandedOver = "failover:";

    /// <summary>Journal phase prefix: the member handed over is back in the cluster (followed by its name).</summary>
    public const string Released = "up:";

    private readonly IActiveStandbyKind _kind;

    public ActiveStandbyChoreography(IActiveStandbyKind kind)
    {
        _kind = kind;
    }

    public async Task RunAsync(UnitRun unit, CancellationToken ct)
    {
        var views = new ClusterViews(unit, _kind);
        // Resume after a crash between a hand-over and the release: whatever else is done, that
        // member must come back into the cluster.
        if (unit.LastPhaseStartingWith(HandedOver) is { } handedOver && handedOver[HandedOver.Length..] is var name && !unit.Reached(Released + name))
        {
            await FormerActiveAsync(unit, views, unit.Unit.Members.First(m => m.Name == name), ct);
            return;
        }

        if (!unit.Unit.Targets.Any(unit.NeedsWork))
        {
            // Every member was done before a crash: only the final check is left.
            await PostCheckAsync(unit, views, ct);
            return;
        }

        var now = await views.ReadAsync(ct);
        var resumed = unit.Reached("precheck");
        if (!resumed && !ClusterViews.Healthy(now, out var why))
        {
            unit.Finish(false, $"pre-check failed, nothing was touched: {why} ({ClusterViews.Describe(now)})", TargetRunner.Failed);
            return;
        }

        var actives = now.Where(v => v.IsActive).Select(v => v.Member).ToList();
        if (actives.Count != 1)
        {
            unit.Finish(false, $"expected exactly one {_kind.ActiveState} member, found {actives.Count}: nothing more was touched ({ClusterViews.Describe(now)})", TargetRunner.Failed);
            return;
        }

        if (!resumed)
        {
            unit.Phase("precheck", "pre-check passed: " + ClusterViews.Describe(now));
        }

        var active = actives[0];
        if (!await StandbysAsync(unit, views, active, ct))
        {
            return;
        }

        if (unit.Unit.Targets.Contains(active) && unit.NeedsWork(active))
        {
            if (await HandOverAsync(unit, views, active, ct))
            {
                await FormerActiveAsync(unit, views, active, ct);
            }

            return;
        }

        await PostCheckAsync(unit, views, ct);
    }

    /// <summary>Installs the standby members group by group; false when the unit ended (the active member untouched).</summary>
    private async Task<bool> StandbysAsync(UnitRun unit, ClusterViews views, RunTarget active, CancellationToken ct)
    {
        var run = unit.Run;
        var s = run.Settings;
        var standbys = unit.Unit.Targets.Where(t => t != active && unit.NeedsWork(t)).ToList();
        foreach (var group in standbys.Chunk(Math.Max(1, s.MaxNodesPerCluster)))
        {
            var names = group.Select(g => g.Name).ToList();
            unit.Phase(_kind.Standby + ":" + string.Join(",", names), $"installing {_kind.Standby} member(s) {string.Join(", ", names)}");
            var results = await Task.WhenAll(group.Select(g => unit.InstallAsync(g, ct)));
            var failed = group.Where((_, i) => !results[i]).ToList();
            if (failed.Count > 0)
            {
                var after = await views.ReadAsync(ct);
                unit.Finish(false, $"{_kind.Standby} member {string.Join(", ", failed.Select(f => f.Name))} failed ({run.State.Targets[failed[0].Name].Message}); the {_kind.Active} {active.Name} was not touched and carries the traffic; members: {ClusterViews.Describe(after)}");
                return false;
            }

            var (rejoined, now) = await views.WaitUntilAsync(v => v.Where(x => names.Contains(x.Name)).All(x => x.Reachable && x.IsStandby), s.FailoverTimeout, ct);
            if (!rejoined)
            {
                unit.Finish(false, $"{string.Join(", ", names)} installed but did not rejoin the cluster as {_kind.StandbyState} within {DurationText.Format(s.FailoverTimeout)}; the {_kind.Active} {active.Name} was not touched; members: {ClusterViews.Describe(now)}");
                return false;
            }

            await _kind.StandbysUpgradedAsync(unit, group, ct);
        }

        return true;
    }

    /// <summary>Takes the traffic off the active member once an upgraded member stands ready; false when the unit ended.</summary>
    private async Task<bool> HandOverAsync(UnitRun unit, ClusterViews views, RunTarget active, CancellationToken ct)
    {
        var now = await views.ReadAsync(ct);
        var ready = new List<string>();
        foreach (var v in now.Where(v => v.Reachable && v.IsStandby && v.ProblemNotifications.Count == 0))
        {
            if (await unit.IsDoneAsync(v.Member, ct))
            {
                ready.Add(v.Name);
            }
        }

        if (ready.Count == 0)
        {
            unit.Finish(false, $"no upgraded member is {_kind.StandbyState} and ready to take over, so the {_kind.Active} {active.Name} was not touched; members: {ClusterViews.Describe(now)}");
            return false;
        }

        if (await _kind.HandOverAsync(unit, active, ready, ct) is { } failed)
        {
            unit.Finish(false, failed);
            return false;
        }

        return true;
    }

    private async Task FormerActiveAsync(UnitRun unit, ClusterViews views, RunTarget former, CancellationToken ct)
    {
        var run = unit.Run;
        var ok = true;
        if (unit.NeedsWork(former))
        {
            unit.Phase(_kind.FormerActivePhase + ":" + former.Name, _kind.InstallingFormerActive(former.Name));
            ok = await unit.InstallAsync(former, ct);
        }

        // Back into the cluster whatever happened: a member left out of it is lost redundancy.
        await _kind.ReleaseAsync(unit, former, ct);
        if (!ok)
        {
            var now = await views.ReadAsync(ct);
            var carriers = now.Where(v => v.IsActive).Select(v => v.Name).ToList();
            var traffic = carriers.Count > 0 ? $"; {string.Join(", ", carriers)} carries the traffic" : string.Empty;
            unit.Finish(false, $"the former {_kind.Active} {former.Name} failed ({run.State.Targets[former.Name].Message}){traffic}; members: {ClusterViews.Describe(now)}");
            return;
        }

        var (settled, after) = await views.WaitUntilAsync(v => ClusterViews.Healthy(v, out _), run.Settings.FailoverTimeout, ct);
        if (!settled)
        {
            unit.Finish(false, $"{former.Name} installed but the cluster did not settle to one {_kind.ActiveState} and the others {_kind.StandbyState} within {DurationText.Format(run.Settings.FailoverTimeout)}; members: {ClusterViews.Describe(after)}");
            return;
        }

        await PostCheckAsync(unit, views, ct);
    }

    private async Task PostCheckAsync(UnitRun unit, ClusterViews views, CancellationToken ct)
    {
        var now = await views.ReadAsync(ct);
        var missing = new List<string>();
        foreach (var m in unit.Unit.Members)
        {
            if (!await unit.IsDoneAsync(m, ct))
            {
                missing.Add(m.Name);
            }
        }

        if (!ClusterViews.Healthy(now, out var why))
        {
            unit.Finish(false, $"post-check: the cluster is not healthy: {why}; members: {ClusterViews.Describe(now)}");
        }
        else if (missing.Count > 0)
        {
            unit.Finish(false, $"post-check: the package is {(unit.Run.Uninstall ? "still installed" : "missing")} on {string.Join(", ", missing)}; members: {ClusterViews.Describe(now)}");
        }
        else
        {
            await _kind.PassedAsync(unit, ct);
            unit.Phase("postcheck", "post-check passed");
            unit.Finish(true, "upgraded; " + ClusterViews.Describe(now));
        }
    }
}
