using Cdt.Fleet;
using Cdt.Gaia;
using Cdt.Transport;

namespace Cdt.Execution.Choreography;

/// <summary>
/// One stage of a Security Group (a logical group or a chassis): down, install from gClish on one
/// of its members with <c>member_ids</c> naming only its members, wait until UP (a chassis: back
/// from the reboot, then up), confirm on each member. Each transition is journaled, so resume
/// goes on from where the stage was. Returns null when the stage is done, else the whole story
/// for the report.
/// </summary>
public sealed class SecurityGroupStageRunner
{
    private readonly SecurityGroupSession _sg;
    private readonly IReadOnlyList<ITargetStep> _confirm;

    public SecurityGroupStageRunner(SecurityGroupSession sg, IReadOnlyList<ITargetStep> confirm)
    {
        _sg = sg;
        _confirm = confirm;
    }

    private UnitRun Unit => _sg.Unit;

    private RunContext Run => _sg.Run;

    public async Task<string?> RunAsync(SecurityGroupStage stage, IReadOnlyList<SecurityGroupStage> stages, CancellationToken ct)
    {
        if (Unit.Reached("done:" + stage.Label))
        {
            return null;
        }

        var others = _sg.Members.Where(m => !stage.Members.Contains(m)).ToList();
        var rest = string.Join(" and ", stages.Where(s => s != stage).Select(s => s.Name));
        var work = await WorkAsync(stage, ct);
        if (work.Count == 0)
        {
            Unit.Phase("done:" + stage.Label, $"{stage.Name}: nothing to do");
            return null;
        }

        var verb = Run.Uninstall ? "uninstall" : "install";
        if (!Unit.Reached("down:" + stage.Label))
        {
            var (before, error) = await _sg.StatusAsync(others, ct);
            if (before is null || !SecurityGroupSession.AllUp(before, others))
            {
                return $"{stage.Name} was not taken down: {(before is null ? error : "not every member of " + rest + " is UP")}, and {stage.Name} must not go down unless {rest} can carry the traffic; nothing was {verb}ed on {stage.Name}; members: {_sg.Describe(before)}. Next: bring every member UP, then 'cdt resume' the list";
            }

            Unit.Phase("down:" + stage.Label, $"{stage.Name} ({_sg.Ids(work)}) goes down; {rest} carries the traffic");
            var (_, down) = await _sg.RunOnFirstAsync(others, t => DownCommand(t, stage, work), Run.Settings.CommandTimeout, ct);
            if (!down.Succeeded)
            {
                var (now, _) = await _sg.StatusAsync(others, ct);
                return $"taking {stage.Name} down failed ({down.Describe()}); nothing was {verb}ed; {rest} carries the traffic; members: {_sg.Describe(now)}. Next: bring back any member of {stage.Name} that went down with '{UpText(stage, work)}', then 'cdt resume' the list";
            }
        }

        if (await InstallAsync(stage, work, others, rest, ct) is { } failure)
        {
            return failure;
        }

        if (await WaitUpAsync(stage, work, others, rest, ct) is { } notUp)
        {
            return notUp;
        }

        return await ConfirmAsync(stage, work, others, rest, ct);
    }

    /// <summary>
    /// The stage's members this run changes. Before the stage went down: the targets whose change
    /// is not in place yet (the others are confirmed and finished now). Once it is down (resume):
    /// every unfinished target of the stage, whatever state it is in.
    /// </summary>
    private async Task<List<SecurityGroupMember>> WorkAsync(SecurityGroupStage stage, CancellationToken ct)
    {
        var targets = stage.Members.Where(_sg.IsTarget).ToList();
        if (Unit.Reached("down:" + stage.Label))
        {
            return targets;
        }

        var work = new List<SecurityGroupMember>();
        foreach (var m in targets)
        {
            if (await Unit.IsDoneAsync(_sg.TargetOf(m), ct))
            {
                var outcome = await TargetRunner.RunStepsAsync(_sg.Context(m), _confirm, ct);
                TargetRunner.Finish(_sg.Context(m), outcome.Ok ? outcome with { Message = Run.Uninstall ? "not installed: nothing to remove" : "already installed" } : outcome);
            }
            else
            {
                work.Add(m);
            }
        }

        return work;
    }

    private async Task<string?> InstallAsync(SecurityGroupStage stage, List<SecurityGroupMember> work, List<SecurityGroupMember> others, string rest, CancellationToken ct)
    {
        var pending = work;
        if (Unit.Reached("install:" + stage.Label))
        {
            // Resumed: install again only where nothing is in place or under way.
            pending = [];
            foreach (var m in work)
            {
                var status = await Run.Driver.PackageStatusAsync(_sg.TargetOf(m).Target, PackageName(m), ct);
                var underWay = status.Value is { } s && (s.StartsWith("Installing", StringComparison.OrdinalIgnoreCase) || s.StartsWith("Uninstalling", StringComparison.OrdinalIgnoreCase));
                if (!status.TransportFailed && !underWay && !await Unit.IsDoneAsync(_sg.TargetOf(m), ct))
                {
                    pending.Add(m);
                }
            }

            if (pending.Count == 0)
            {
                return null;
            }
        }

        var verb = Run.Uninstall ? "uninstall" : "install";
        Unit.Phase("install:" + stage.Label, $"{verb} on {stage.Name} from gClish on {pending[0].Name}: member_ids {_sg.Ids(pending)}");
        var (on, result) = await _sg.RunOnFirstAsync(pending, t => SecurityGroupCommands.GroupInstall(t, _sg.Platform, PackageName(pending[0]), pending, _sg.Members, Run.Uninstall), Run.Settings.InstallTimeout, ct);
        if (result.Answered && result.ExitCode != 0)
        {
            var (now, _) = await _sg.StatusAsync(others, ct);
            FailTargets(work, $"{verb} on {stage.Name} failed: {Steps.ImportPackageStep.ResultLine(result)}");
            return $"the {verb} on {stage.Name} ({_sg.Ids(pending)}) failed on {on?.Name}: {Steps.ImportPackageStep.ResultLine(result)}; {rest} was never taken down and carries the traffic; members: {_sg.Describe(now)}. "
                + $"Next: read /var/log/CPda/log/da.elg on {_sg.Ids(pending)} and fix the cause; then either 'cdt resume --retry-failed' the list, or bring {stage.Name} back as it was with '{UpText(stage, work)}'";
        }

        if (!result.Answered)
        {
            Run.Recorder.Detail(on?.Name, $"the {verb} command got no answer ({CommandResult.ErrorText(result.Error)}): the members may be installing and rebooting; waiting for them");
        }

        return null;
    }

    private async Task<string?> WaitUpAsync(SecurityGroupStage stage, List<SecurityGroupMember> work, List<SecurityGroupMember> others, string rest, CancellationToken ct)
    {
        var s = Run.Settings;
        if (!Unit.Reached("up:" + stage.Label))
        {
            // The members reboot now: polling them earlier only burns CPU.
            await Run.Delay(s.ExpectedReboot, ct);
        }

        if (stage.Chassis is { } chassis && !Unit.Reached("up:" + stage.Label))
        {
            // A chassis stays administratively down through the reboot: wait until its members are back, then bring it up.
            var (back, last, error) = await _sg.WaitAsync(others, st => work.All(m => st.Find(m.Site, m.Number) is { IsAdminDown: true }), s.RebootTimeout, ct);
            if (!back)
            {
                FailTargets(work, $"not back from the reboot within {Formats.DurationText.Format(s.RebootTimeout)}");
                return $"the SGMs of {stage.Name} ({_sg.Ids(work)}) were not back from their reboot within {Formats.DurationText.Format(s.RebootTimeout)}{(error is null ? string.Empty : " (" + error + ")")}; {stage.Name} stays administratively down and {rest} carries the traffic; members: {_sg.Describe(last)}. "
                    + $"Next: look at those SGMs on their console; once healthy, 'g_clusterXL_admin -b chassis{chassis} up' and 'cdt resume --retry-failed' the list";
            }

            Unit.Phase("up:" + stage.Label, $"the SGMs of {stage.Name} are back: {stage.Name} comes up");
            var (_, up) = await _sg.RunOnFirstAsync(others, t => SecurityGroupCommands.ChassisAdmin(t, chassis, up: true), s.CommandTimeout, ct);
            if (!up.Succeeded)
            {
                FailTargets(work, "bringing the chassis up failed: " + up.Describe());
                return $"bringing {stage.Name} up failed ({up.Describe()}); {rest} carries the traffic; members: {_sg.Describe(last)}. Next: 'g_clusterXL_admin -b chassis{chassis} up' by hand, then 'cdt resume --retry-failed' the list";
            }
        }

        var timeout = Run.SecurityGroups.UpTimeout;
        var (held, after, waitError) = await _sg.WaitAsync(others, st => SecurityGroupSession.AllUp(st, stage.Members), timeout, ct);
        if (held)
        {
            return null;
        }

        var notUp = work.Where(m => after?.Find(m.Site, m.Number) is not { IsUp: true }).ToList();
        FailTargets(notUp, $"not UP within {Formats.DurationText.Format(timeout)} after the {(Run.Uninstall ? "uninstall" : "install")}");
        FailTargets(work.Except(notUp).ToList(), $"UP, but {stage.Name} as a whole did not come UP within {Formats.DurationText.Format(timeout)}");
        return $"{stage.Name}: {_sg.Ids(notUp.Count > 0 ? notUp : work)} did not come UP within {Formats.DurationText.Format(timeout)}{(waitError is null ? string.Empty : " (" + waitError + ")")}; {rest} was never taken down and carries the traffic; members: {_sg.Describe(after)}. "
            + $"Next: look at those members on their console; once healthy, bring them UP with '{UpText(stage, notUp.Count > 0 ? notUp : work)}' and 'cdt resume --retry-failed' the list";
    }

    private async Task<string?> ConfirmAsync(SecurityGroupStage stage, List<SecurityGroupMember> work, List<SecurityGroupMember> others, string rest, CancellationToken ct)
    {
        var failed = new List<string>();
        foreach (var m in work)
        {
            var context = _sg.Context(m);
            var outcome = await TargetRunner.RunStepsAsync(context, _confirm, ct);
            var summary = $"{(Run.Uninstall ? "uninstalled" : "installed")} with {stage.Name} ({_sg.Ids(work)}); UP again";
            TargetRunner.Finish(context, outcome.Ok ? outcome with { Message = summary } : outcome);
            if (!outcome.Ok)
            {
                failed.Add(m.Name + " (" + outcome.Message + ")");
            }
        }

        if (failed.Count > 0)
        {
            var (now, _) = await _sg.StatusAsync(_sg.Members, ct);
            return $"{stage.Name} is UP, but the confirmation failed on {string.Join(", ", failed)}; nothing more was taken down; members: {_sg.Describe(now)}. Next: check those members, then 'cdt resume --retry-failed' the list to go on with {rest}";
        }

        Unit.Phase("done:" + stage.Label, $"{stage.Name} {(Run.Uninstall ? "uninstalled" : "installed")} and UP");
        return null;
    }

    private string DownCommand(Target t, SecurityGroupStage stage, List<SecurityGroupMember> work) => stage.Chassis is { } chassis
        ? SecurityGroupCommands.ChassisAdmin(t, chassis, up: false)
        : SecurityGroupCommands.MembersAdmin(t, _sg.Platform, work, _sg.Members, up: false);

    private string UpText(SecurityGroupStage stage, IReadOnlyCollection<SecurityGroupMember> members) => stage.Chassis is { } chassis
        ? $"g_clusterXL_admin -b chassis{chassis} up"
        : _sg.UpCommand(members);

    private string PackageName(SecurityGroupMember m) => _sg.Context(m).CpuseName ?? Run.Package?.Name ?? string.Empty;

    private void FailTargets(IReadOnlyCollection<SecurityGroupMember> members, string message)
    {
        foreach (var m in members.Where(m => Run.State.Targets.TryGetValue(m.Name, out var t) && t.Status is TargetStatus.Running or TargetStatus.Pending))
        {
            Run.Recorder.TargetFinished(Unit.Unit, _sg.TargetOf(m), TargetRunner.Failed, message);
        }
    }
}
