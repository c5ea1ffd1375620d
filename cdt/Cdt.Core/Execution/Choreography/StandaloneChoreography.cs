namespace Cdt.Execution.Choreography;

/// <summary>A standalone gateway: its steps, nothing around them.</summary>
public sealed class StandaloneChoreography : IUnitChoreography
{
    public async Task RunAsync(UnitRun unit, CancellationToken ct)
    {
        var target = unit.Unit.Targets[0];
        var ok = await unit.InstallAsync(target, ct);
        unit.Finish(ok, ok ? "installed" : unit.Run.State.Targets[target.Name].Message);
    }
}
