using Cdt.Gaia;

namespace Cdt.Execution.Choreography;

/// <summary>Reads every member's own view of its cluster (cphaprob state, or show vrrp for VRRP).</summary>
public static class ClusterViews
{
    public static async Task<IReadOnlyList<MemberView>> ReadAsync(UnitRun unit, CancellationToken ct)
    {
        var views = new List<MemberView>();
        foreach (var m in unit.Unit.Members)
        {
            views.Add(unit.Unit.Kind == UnitKind.Vrrp ? await ReadVrrpAsync(unit, m, ct) : await ReadClusterXlAsync(unit, m, ct));
        }

        return views;
    }

    public static string Describe(IEnumerable<MemberView> views) => string.Join("; ", views.Select(v => v.Name + ": " + v.Describe()));

    private static async Task<MemberView> ReadClusterXlAsync(UnitRun unit, RunTarget m, CancellationToken ct)
    {
        var answer = await unit.Run.Driver.ClusterStateAsync(m.Target, ct);
        if (!answer.Ok)
        {
            return new MemberView(m, !answer.TransportFailed, "UNKNOWN", [], answer.Error);
        }

        var local = answer.Value!.Local;
        return local is null
            ? new MemberView(m, true, "UNKNOWN", [], "no (local) line in cphaprob state")
            : new MemberView(m, true, local.State, answer.Value.ProblemNotifications, null);
    }

    private static async Task<MemberView> ReadVrrpAsync(UnitRun unit, RunTarget m, CancellationToken ct)
    {
        var answer = await unit.Run.Driver.VrrpAsync(m.Target, ct);
        if (!answer.Ok)
        {
            return new MemberView(m, !answer.TransportFailed, "UNKNOWN", [], answer.Error);
        }

        var v = answer.Value!;
        var state = v.Master > 0 && v.Backup == 0 && v.Init == 0 ? "MASTER" : v.Backup > 0 && v.Master == 0 && v.Init == 0 ? "BACKUP" : "INIT";
        return new MemberView(m, true, state, [], null);
    }

    /// <summary>Polls until the condition holds or the time-out passes; returns the last views and whether it held.</summary>
    public static async Task<(bool Held, IReadOnlyList<MemberView> Views)> WaitUntilAsync(UnitRun unit, Func<IReadOnlyList<MemberView>, bool> condition, TimeSpan timeout, CancellationToken ct)
    {
        var run = unit.Run;
        var until = run.Time.GetUtcNow() + timeout;
        var interval = TimeSpan.FromTicks(Math.Min(run.Settings.PollInterval.Ticks, TimeSpan.FromSeconds(10).Ticks));
        while (true)
        {
            var views = await ReadAsync(unit, ct);
            if (condition(views))
            {
                return (true, views);
            }

            if (run.Time.GetUtcNow() >= until)
            {
                return (false, views);
            }

            await run.Delay(interval, ct);
        }
    }
}
