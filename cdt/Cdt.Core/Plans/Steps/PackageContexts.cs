using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Cdt.Config;
using Cdt.Execution;

namespace Cdt.Plans.Steps;

/// <summary>
/// Lets a plan's package action reuse the engine's package steps (send, import, verify, install,
/// confirm), which work on "the run's package": each action gets a view of the run whose package
/// is its own and whose install time-out is the action's. One view per run and package, so a
/// file's MD5 is computed once per run.
/// </summary>
public static class PackageContexts
{
    private static readonly ConditionalWeakTable<RunContext, ConcurrentDictionary<string, RunContext>> Views = [];

    public static TargetContext For(TargetContext c, PackageSpec package, TimeSpan timeout)
    {
        var views = Views.GetValue(c.Run, _ => new ConcurrentDictionary<string, RunContext>(StringComparer.Ordinal));
        var key = package.Path + "\n" + package.Name + "\n" + timeout.Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var run = views.GetOrAdd(key, _ => c.Run with { Settings = c.Run.Settings with { InstallTimeout = timeout }, Package = package });
        return new TargetContext(run, c.Unit, c.Target);
    }
}
