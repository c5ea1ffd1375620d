namespace Cdt.Execution.Choreography;

/// <summary>Which choreography upgrades which kind of unit. Kinds without one fail cleanly, touching nothing.</summary>
public sealed class ChoreographyRegistry
{
    private readonly Dictionary<UnitKind, IUnitChoreography> _byKind = new()
    {
        [UnitKind.Standalone] = new StandaloneChoreography(),
        [UnitKind.ClusterXlHa] = new ActiveStandbyChoreography(new ClusterXlKind()),
        [UnitKind.VsxVsls] = new ActiveStandbyChoreography(new ClusterXlKind()),
        [UnitKind.Vrrp] = new ActiveStandbyChoreography(new VrrpKind()),
        [UnitKind.SecurityGroup] = new SecurityGroupChoreography(),
        [UnitKind.DualChassis] = new SecurityGroupChoreography(),
        [UnitKind.ActivePassivePair] = new ActivePassiveChoreography(),
    };

    public void Register(UnitKind kind, IUnitChoreography choreography) => _byKind[kind] = choreography;

    public IUnitChoreography For(UnitKind kind) => _byKind.TryGetValue(kind, out var c) ? c : new NoProcedure(kind);

    private sealed class NoProcedure(UnitKind kind) : IUnitChoreography
    {
        public Task RunAsync(UnitRun unit, CancellationToken ct)
        {
            unit.Finish(false, $"cdt has no installation procedure for {kind} units; nothing was touched (exclude them with '-')", TargetRunner.Failed);
            return Task.CompletedTask;
        }
    }
}
