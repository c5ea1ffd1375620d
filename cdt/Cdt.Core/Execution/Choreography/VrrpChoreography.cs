namespace Cdt.Execution.Choreography;

/// <summary>
/// VRRP: the backup member(s) first, one at a time, each back in Backup state before the next;
/// then the master, once an upgraded backup stands ready: its reboot hands traffic to that backup.
/// </summary>
public sealed class VrrpChoreography : IUnitChoreography
{
    public async Task RunAsync(UnitRun unit, CancellationToken ct)
    {
        var s = unit.Run.Settings;
        if (!unit.Unit.Targets.Any(unit.NeedsWork))
        {
            // Every member was done before a crash: only the final check is left.
            await ClusterXlChoreography.PostCheckAsync(unit, ct);
            return;
        }

        var views = await ClusterViews.ReadAsync(unit, ct);
        var resumed = unit.Reached("precheck");
        if (!resumed && !ClusterXlChoreography.Healthy(views, out var why))
        {
            unit.Finish(false, $"pre-check failed, nothing was touched: {why} ({ClusterViews.Describe(views)})", TargetRunner.Failed);
            return;
        }

        var masters = views.Where(v => v.IsActive).Select(v => v.Member).ToList();
        if (masters.Count != 1)
        {
            unit.Finish(false, $"expected exactly one VRRP master, found {masters.Count}: nothing more was touched ({ClusterViews.Describe(views)})", TargetRunner.Failed);
            return;
        }

        if (!resumed)
        {
            unit.Phase("precheck", "pre-check passed: " + ClusterViews.Describe(views));
        }

        var master = masters[0];
        foreach (var group in unit.Unit.Targets.Where(t => t != master && unit.NeedsWork(t)).Chunk(Math.Max(1, s.MaxNodesPerCluster)))
        {
            unit.Phase("backup:" + string.Join(",", group.Select(g => g.Name)), "installing backup member(s) " + string.Join(", ", group.Select(g => g.Name)));
            var results = await Task.WhenAll(group.Select(g => unit.InstallAsync(g, ct)));
            if (results.Any(r => !r))
            {
                var failed = group.Where((_, i) => !results[i]).Select(g => g.Name);
                unit.Finish(false, $"backup member {string.Join(", ", failed)} failed; the master {master.Name} was not touched and carries the traffic; members: {ClusterViews.Describe(await ClusterViews.ReadAsync(unit, ct))}");
                return;
            }

            var names = group.Select(g => g.Name).ToHashSet(StringComparer.Ordinal);
            var (back, after) = await ClusterViews.WaitUntilAsync(unit, v => v.Where(x => names.Contains(x.Name)).All(x => x.Reachable && x.IsStandby), s.FailoverTimeout, ct);
            if (!back)
            {
                unit.Finish(false, $"{string.Join(", ", names)} installed but is not in Backup state within {Formats.DurationText.Format(s.FailoverTimeout)}; the master {master.Name} was not touched; members: {ClusterViews.Describe(after)}");
                return;
            }
        }

        if (unit.Unit.Targets.Contains(master) && unit.NeedsWork(master))
        {
            var ready = false;
            foreach (var v in (await ClusterViews.ReadAsync(unit, ct)).Where(v => v.Reachable && v.IsStandby))
            {
                ready |= await unit.IsDoneAsync(v.Member, ct);
            }

            if (!ready)
            {
                unit.Finish(false, $"no upgraded member is in Backup state, so the master {master.Name} was not touched");
                return;
            }

            unit.Phase("master:" + master.Name, $"installing the master {master.Name}: its reboot hands traffic to the upgraded backup");
            if (!await unit.InstallAsync(master, ct))
            {
                unit.Finish(false, $"the master {master.Name} failed ({unit.Run.State.Targets[master.Name].Message}); members: {ClusterViews.Describe(await ClusterViews.ReadAsync(unit, ct))}");
                return;
            }

            var (settled, after) = await ClusterViews.WaitUntilAsync(unit, v => ClusterXlChoreography.Healthy(v, out _), s.FailoverTimeout, ct);
            if (!settled)
            {
                unit.Finish(false, $"after the master's install the pair did not settle to one master and one backup within {Formats.DurationText.Format(s.FailoverTimeout)}; members: {ClusterViews.Describe(after)}");
                return;
            }
        }

        await ClusterXlChoreography.PostCheckAsync(unit, ct);
    }
}
