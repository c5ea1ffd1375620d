using System.Globalization;
using Cdt.Fleet;
using Cdt.Gaia;

namespace Cdt.Execution.Choreography;

/// <summary>
/// Security Groups, as seeds 000 (Maestro, ElasticXL: logical groups A, B...) and 001 (dual chassis:
/// the standby chassis first) describe: pre-check (every member UP), prepare every member (check,
/// send, import, verify), turn SMO image auto-clone off, then stage by stage: take the stage down
/// from a member that carries traffic, install (or uninstall) from gClish on a member of the stage
/// with <c>member_ids</c> naming only that stage, wait until its members are UP, confirm on each;
/// the next stage's "down" is the failover to the stage just installed. Auto-clone goes back as
/// it was, also after a failure. A stage is taken down only while every other member is UP, so
/// some logical group or chassis always carries the traffic; after any failure nothing more is
/// taken down, and the report says which member is in which state and what to do next.
/// </summary>
public sealed class SecurityGroupChoreography : IUnitChoreography
{
    public async Task RunAsync(UnitRun unit, CancellationToken ct)
    {
        var run = unit.Run;
        if (!unit.Unit.Targets.Any(unit.NeedsWork))
        {
            unit.Finish(true, "nothing left to do");
            return;
        }

        var sg = new SecurityGroupSession(unit);
        var prepare = run.Steps.TakeWhile(s => s is not ISummaryStep).ToList();
        var confirm = run.Steps.SkipWhile(s => s is not ISummaryStep).Skip(1).ToList();
        if (prepare.Count == run.Steps.Count)
        {
            unit.Finish(false, "the run has no install or uninstall step, which a Security Group needs: nothing was touched", TargetRunner.Failed);
            return;
        }

        if (run.Package is { Kind: Config.PackageKind.Upgrade })
        {
            unit.Finish(false, "a version upgrade of a Security Group follows its own vendor procedure (not the hotfix one of seeds 000 and 001), which cdt does not run: nothing was touched", TargetRunner.Failed);
            return;
        }

        if (sg.Members.FirstOrDefault(m => sg.TargetOf(m).Target.Shell == LoginShell.Clish) is { } clish)
        {
            unit.Finish(false, $"{clish.Name} logs in to Clish; the Security Group procedure runs Expert-mode commands (asg stat, g_clusterXL_admin, gclish): set 'shell: expert' for {unit.Unit.Name}. Nothing was touched", TargetRunner.Failed);
            return;
        }

        var (status, error) = await sg.StatusAsync(sg.Members, ct);
        if (status is null)
        {
            unit.Finish(false, $"pre-check: {error}; nothing was touched", TargetRunner.Failed);
            return;
        }

        if (!unit.Reached("precheck"))
        {
            if (Unhealthy(sg, status) is { } why)
            {
                unit.Finish(false, $"pre-check failed, nothing was touched: {why} ({sg.Describe(status)})", TargetRunner.Failed);
                return;
            }

            unit.Phase("precheck", "pre-check passed: " + sg.Describe(status));
        }

        var stages = Stages(sg, status);
        var started = stages.Where(s => unit.Reached("down:" + s.Label)).SelectMany(s => s.Members).ToHashSet();
        if (await PrepareAsync(sg, sg.Members.Where(m => sg.IsTarget(m) && !started.Contains(m)).ToList(), prepare, ct) is { } prepFailure)
        {
            unit.Finish(false, prepFailure);
            return;
        }

        if (await SecurityGroupAutoClone.TurnOffAsync(sg, ct) is { } autoCloneFailure)
        {
            unit.Finish(false, autoCloneFailure + ": nothing was taken down; every member carries traffic as before");
            return;
        }

        var installer = new SecurityGroupStageRunner(sg, confirm);
        string? failure = null;
        SecurityGroupStage? failed = null;
        foreach (var stage in stages)
        {
            failure = await installer.RunAsync(stage, stages, ct);
            if (failure is not null)
            {
                failed = stage;
                break;
            }
        }

        // Back as it was, whatever happened: from members of the stages that did not fail first.
        var restoreFrom = sg.Members.OrderBy(m => failed?.Members.Contains(m) == true ? 1 : 0);
        var restored = await SecurityGroupAutoClone.RestoreAsync(sg, restoreFrom, ct);
        var tail = restored is { } r ? "; " + r.Text : string.Empty;
        if (failure is not null)
        {
            unit.Finish(false, failure + tail);
            return;
        }

        var (final, finalError) = await sg.StatusAsync(sg.Members, ct);
        var problem = final is null ? finalError : Unhealthy(sg, final);
        if (problem is not null)
        {
            unit.Finish(false, $"post-check: {problem}; members: {sg.Describe(final)}{tail}");
            return;
        }

        unit.Phase("postcheck", "post-check passed: " + sg.Describe(final));
        var verb = run.Uninstall ? "uninstalled" : "installed";
        unit.Finish(restored?.Ok ?? true, $"{verb} in turn on {string.Join(", then ", stages.Select(s => s.Name + " (" + sg.Ids(s.Members) + ")"))}; {sg.Describe(final)}{tail}");
    }

    /// <summary>Why the Security Group is not fit to start (or end): a member not UP; on dual chassis, not one ACTIVE and one STANDBY chassis.</summary>
    public static string? Unhealthy(SecurityGroupSession sg, AsgStatus status)
    {
        if (sg.Members.FirstOrDefault(m => status.Find(m.Site, m.Number) is not { IsUp: true }) is { } down)
        {
            return $"member {SecurityGroupCommands.Id(sg.Platform, down)} is not UP";
        }

        if (sg.Platform == ClusterKind.DualChassis && (status.Sites.Count(s => s.IsActive) != 1 || status.Sites.Count(s => s.IsStandby) != 1))
        {
            return "expected one ACTIVE and one STANDBY chassis, found " + string.Join(", ", status.Sites.Select(s => "chassis" + s.Number.ToString(CultureInfo.InvariantCulture) + " " + s.State));
        }

        return null;
    }

    /// <summary>The stages in order: logical groups A, B... or, on dual chassis, the standby chassis then the active one.</summary>
    private static List<SecurityGroupStage> Stages(SecurityGroupSession sg, AsgStatus status)
    {
        var unit = sg.Unit;
        if (sg.Platform != ClusterKind.DualChassis)
        {
            var count = LogicalGroups.For(unit.Unit.Cluster!, unit.Run.SecurityGroups.Groups);
            var groups = LogicalGroups.Split(sg.Members, count).Select(g => new SecurityGroupStage(g.Label, g.Members, null)).ToList();
            if (!unit.Reached("groups"))
            {
                unit.Phase("groups", "logical groups: " + string.Join("; ", groups.Select(g => g.Label + " = " + sg.Ids(g.Members))));
            }

            return groups;
        }

        var order = unit.LastPhaseStartingWith("order:") is { } saved
            ? saved["order:".Length..].Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList()
            : status.Sites.OrderBy(s => s.IsActive ? 1 : 0).ThenBy(s => s.Number).Select(s => s.Number).ToList();
        if (!unit.Reached("order:" + string.Join(",", order.Select(n => n.ToString(CultureInfo.InvariantCulture)))))
        {
            unit.Phase("order:" + string.Join(",", order.Select(n => n.ToString(CultureInfo.InvariantCulture))), $"the standby chassis{order[0]} first, then a failover from the active chassis{order[1]}");
        }

        return order.Select(n => new SecurityGroupStage("chassis" + n.ToString(CultureInfo.InvariantCulture), sg.Members.Where(m => m.Site == n).ToList(), n)).ToList();
    }

    /// <summary>Prepares members (steps before the install) in parallel; returns why the unit stops, or null.</summary>
    private static async Task<string?> PrepareAsync(SecurityGroupSession sg, List<SecurityGroupMember> members, IReadOnlyList<ITargetStep> steps, CancellationToken ct)
    {
        foreach (var m in members)
        {
            sg.Run.Recorder.TargetStarted(sg.Unit.Unit, sg.TargetOf(m));
        }

        var outcomes = await Task.WhenAll(members.Select(m => TargetRunner.RunStepsAsync(sg.Context(m), steps, ct)));
        var failed = new List<SecurityGroupMember>();
        for (var i = 0; i < members.Count; i++)
        {
            if (!outcomes[i].Ok)
            {
                TargetRunner.Finish(sg.Context(members[i]), outcomes[i]);
                failed.Add(members[i]);
            }
        }

        return failed.Count == 0
            ? null
            : $"preparing {string.Join(", ", failed.Select(m => m.Name + " (" + sg.Run.State.Targets[m.Name].Message + ")"))} failed: nothing was taken down, auto-clone was not touched, and every member carries traffic as before";
    }
}
