using Cdt.Execution;
using Cdt.Execution.Choreography;

namespace Cdt.Plans.Steps;

/// <summary>
/// Security Groups install from one member for a whole logical group, and run every other step
/// on all members at once. A plan action that may take a member down there (an uninstall, a
/// reboot, a script that may exit 222, a second install) would take them all down: such a plan
/// fails those units cleanly, touching nothing, and the rest of the run goes on.
/// </summary>
public sealed class SecurityGroupGuard : IUnitChoreography
{
    private readonly IUnitChoreography _inner;
    private readonly string? _refusal;

    public SecurityGroupGuard(IUnitChoreography inner, string? refusal)
    {
        _inner = inner;
        _refusal = refusal;
    }

    public Task RunAsync(UnitRun unit, CancellationToken ct)
    {
        if (_refusal is null)
        {
            return _inner.RunAsync(unit, ct);
        }

        unit.Finish(false, _refusal, TargetRunner.Failed);
        return Task.CompletedTask;
    }

    /// <summary>Why a plan cannot run on Security Groups, or null when it can.</summary>
    public static string? Refusal(Plan plan)
    {
        var installs = 0;
        var unsafeSteps = new List<string>();
        for (var i = 0; i < plan.Actions.Count; i++)
        {
            var action = plan.Actions[i];
            var name = action.ActionName + "#" + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (action is InstallPackageAction or UpgradePackageAction && ++installs == 1)
            {
                continue;
            }

            if (action is InstallPackageAction or UpgradePackageAction or UninstallPackageAction or RebootAction or ExecuteScriptAction)
            {
                unsafeSteps.Add(name);
            }
        }

        if (installs == 0)
        {
            return "a Security Group is upgraded by the plan's install_package or upgrade_package, and this plan has none: nothing was touched";
        }

        return unsafeSteps.Count == 0
            ? null
            : $"on a Security Group cdt runs every action but the install on all members at once, so {string.Join(", ", unsafeSteps)} (which may take a member down) would take them all down: nothing was touched; run this plan without the Security Groups ('-'), or one with a single install for them";
    }

    /// <summary>The engine's choreographies, with Security Groups guarded for this plan.</summary>
    public static ChoreographyRegistry Registry(Plan plan)
    {
        var registry = new ChoreographyRegistry();
        var refusal = Refusal(plan);
        foreach (var kind in new[] { UnitKind.SecurityGroup, UnitKind.DualChassis })
        {
            registry.Register(kind, new SecurityGroupGuard(registry.For(kind), refusal));
        }

        return registry;
    }
}
