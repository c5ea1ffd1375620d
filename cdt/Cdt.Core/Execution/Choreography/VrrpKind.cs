namespace Cdt.Execution.Choreography;

/// <summary>
/// VRRP: states from <c>show vrrp</c> (MASTER, BACKUP); nothing to do before the master's install,
/// whose reboot hands the traffic to the upgraded backup, and nothing after it.
/// </summary>
public sealed class VrrpKind : IActiveStandbyKind
{
    public string ActiveState => "MASTER";

    public string StandbyState => "BACKUP";

    public string Active => "master";

    public string Standby => "backup";

    public string FormerActivePhase => "master";

    public string InstallingFormerActive(string name) => $"installing the master {name}: its reboot hands traffic to the upgraded backup";

    public async Task<MemberView> ReadAsync(UnitRun unit, RunTarget member, CancellationToken ct)
    {
        var answer = await unit.Run.Driver.VrrpAsync(member.Target, ct);
        if (!answer.Ok)
        {
            return MemberView.Unread(member, !answer.TransportFailed, answer.Error);
        }

        var v = answer.Value!;
        var state = v.Master > 0 && v.Backup == 0 && v.Init == 0 ? ActiveState : v.Backup > 0 && v.Master == 0 && v.Init == 0 ? StandbyState : "INIT";
        return new MemberView(member, true, state, [], null);
    }

    public Task<string?> HandOverAsync(UnitRun unit, RunTarget active, IReadOnlyList<string> ready, CancellationToken ct) => Task.FromResult<string?>(null);

    public Task ReleaseAsync(UnitRun unit, RunTarget former, CancellationToken ct) => Task.CompletedTask;

    public Task StandbysUpgradedAsync(UnitRun unit, IReadOnlyList<RunTarget> group, CancellationToken ct) => Task.CompletedTask;

    public Task PassedAsync(UnitRun unit, CancellationToken ct) => Task.CompletedTask;
}
