namespace Cdt.Execution;

/// <summary>
/// How one kind of unit is upgraded without stopping traffic (standalone; ClusterXL HA / VSLS:
/// standby first, failover, former active; VRRP: backup then master; Security Groups...).
/// Implementations end the unit with <see cref="UnitRun.Finish"/>.
/// </summary>
public interface IUnitChoreography
{
    Task RunAsync(UnitRun unit, CancellationToken ct);
}
