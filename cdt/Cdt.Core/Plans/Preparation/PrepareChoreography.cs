using Cdt.Execution;
using Cdt.Fleet;

namespace Cdt.Plans.Preparation;

/// <summary>
/// Preparations change nothing that carries traffic (send, import, verify, pre-scripts): a unit's
/// members are prepared one after the other, the active (or master) member last, with no failover.
/// </summary>
public sealed class PrepareChoreography : IUnitChoreography
{
    public async Task RunAsync(UnitRun unit, CancellationToken ct)
    {
        var ordered = unit.Unit.Targets.OrderBy(t => t.Gateway.State is MemberState.Active or MemberState.Master or MemberState.VslsActiveMember ? 1 : 0).ToList();
        var failed = new List<string>();
        foreach (var target in ordered.Where(unit.NeedsWork))
        {
            if (!await unit.InstallAsync(target, ct))
            {
                failed.Add(target.Name);
            }
        }

        unit.Finish(failed.Count == 0, failed.Count == 0 ? "prepared" : "not prepared: " + string.Join(", ", failed));
    }

    /// <summary>Every kind of unit is prepared the same way.</summary>
    public static Execution.Choreography.ChoreographyRegistry Registry()
    {
        var registry = new Execution.Choreography.ChoreographyRegistry();
        foreach (var kind in Enum.GetValues<UnitKind>())
        {
            registry.Register(kind, new PrepareChoreography());
        }

        return registry;
    }
}
