namespace Cdt.Execution.Choreography;

/// <summary>Every member's own view of its active/standby cluster, read the way its kind reads it.</summary>
public sealed class ClusterViews
{
    private readonly UnitRun _unit;
    private readonly IActiveStandbyKind _kind;

    public ClusterViews(UnitRun unit, IActiveStandbyKind kind)
    {
        _unit = unit;
        _kind = kind;
    }

    public async Task<IReadOnlyList<MemberView>> ReadAsync(CancellationToken ct)
    {
        var views = new List<MemberView>();
        foreach (var m in _unit.Unit.Members)
        {
            views.Add(await _kind.ReadAsync(_unit, m, ct));
        }

        return views;
    }

    /// <summary>Polls until the condition holds or the time-out passes; returns the last views and whether it held.</summary>
    public async Task<(bool Held, IReadOnlyList<MemberView> Views)> WaitUntilAsync(Func<IReadOnlyList<MemberView>, bool> condition, TimeSpan timeout, CancellationToken ct)
    {
        var run = _unit.Run;
        var until = run.Time.GetUtcNow() + timeout;
        var interval = TimeSpan.FromTicks(Math.Min(run.Settings.PollInterval.Ticks, TimeSpan.FromSeconds(10).Ticks));
        while (true)
        {
            var views = await ReadAsync(ct);
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

    public static string Describe(IEnumerable<MemberView> views) => string.Join("; ", views.Select(v => v.Name + ": " + v.Describe()));

    /// <summary>What CDT requires before and after: every member reachable, one active, the others standby, no problem notifications.</summary>
    public static bool Healthy(IReadOnlyList<MemberView> views, out string why)
    {
        if (views.FirstOrDefault(v => !v.Reachable || v.State == MemberView.Unknown) is { } lost)
        {
            why = $"{lost.Name} cannot be read ({lost.Error})";
            return false;
        }

        if (views.FirstOrDefault(v => v.State.EndsWith("(!)", StringComparison.Ordinal)) is { } alert)
        {
            why = $"{alert.Name} is {alert.State}: it reports a problem";
            return false;
        }

        var actives = views.Count(v => v.IsActive);
        if (actives != 1)
        {
            why = $"{actives} members are active, expected exactly one";
            return false;
        }

        if (views.FirstOrDefault(v => !v.IsActive && !v.IsStandby) is { } odd)
        {
            why = $"{odd.Name} is {odd.State}, expected standby";
            return false;
        }

        if (views.FirstOrDefault(v => v.ProblemNotifications.Count > 0) is { } noted)
        {
            why = $"{noted.Name} has active problem notifications ({string.Join(", ", noted.ProblemNotifications)})";
            return false;
        }

        why = "healthy";
        return true;
    }
}
