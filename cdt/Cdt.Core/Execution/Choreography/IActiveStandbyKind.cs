namespace Cdt.Execution.Choreography;

/// <summary>
/// What one kind of active/standby cluster (ClusterXL HA and VSX VSLS; VRRP) adds to
/// <see cref="ActiveStandbyChoreography"/>: how a member's state is read, the words for its roles,
/// and how traffic leaves the active member before its install and what follows that install.
/// </summary>
public interface IActiveStandbyKind
{
    /// <summary>The state word of the member carrying the traffic, as <see cref="MemberView.State"/> reads: ACTIVE, MASTER.</summary>
    string ActiveState { get; }

    /// <summary>The state word of a member ready to take over: STANDBY, BACKUP.</summary>
    string StandbyState { get; }

    /// <summary>The member carrying the traffic, in messages: "active member", "master".</summary>
    string Active { get; }

    /// <summary>The other members, in messages and in the journal's phase keys: "standby", "backup".</summary>
    string Standby { get; }

    /// <summary>The journal's phase key (before the colon) for the install of the member that carried the traffic.</summary>
    string FormerActivePhase { get; }

    /// <summary>The journal's text for that install.</summary>
    string InstallingFormerActive(string name);

    Task<MemberView> ReadAsync(UnitRun unit, RunTarget member, CancellationToken ct);

    /// <summary>
    /// Takes the traffic off <paramref name="active"/> before its install, to one of the upgraded
    /// <paramref name="ready"/> members; null when done, else why not (the active member keeps the
    /// traffic and was not changed). A kind that takes a member out of the cluster journals
    /// <see cref="ActiveStandbyChoreography.HandedOver"/> first, so a resume brings it back.
    /// </summary>
    Task<string?> HandOverAsync(UnitRun unit, RunTarget active, IReadOnlyList<string> ready, CancellationToken ct);

    /// <summary>
    /// After the former active's install, whatever its outcome: back into the cluster, journalled as
    /// <see cref="ActiveStandbyChoreography.Released"/>.
    /// </summary>
    Task ReleaseAsync(UnitRun unit, RunTarget former, CancellationToken ct);

    /// <summary>Once a group of standby members is upgraded and back (Multi-Version Cluster on, for a ClusterXL connectivity upgrade).</summary>
    Task StandbysUpgradedAsync(UnitRun unit, IReadOnlyList<RunTarget> group, CancellationToken ct);

    /// <summary>When the post-check passed, before the unit ends (Multi-Version Cluster off again).</summary>
    Task PassedAsync(UnitRun unit, CancellationToken ct);
}
