using Cdt.Fleet;
using Cdt.Gaia;
using Cdt.Transport;

namespace Cdt.Execution.Choreography;

/// <summary>
/// One Security Group (Maestro, ElasticXL or dual chassis) while its unit runs: its members with
/// their ids and targets, each member's step context, and the group-level commands, run on a
/// member that carries traffic (the first of the candidates that answers).
/// </summary>
public sealed class SecurityGroupSession
{
    private readonly Dictionary<string, RunTarget> _targets;
    private readonly Dictionary<string, TargetContext> _contexts = new(StringComparer.Ordinal);

    public SecurityGroupSession(UnitRun unit)
    {
        Unit = unit;
        _targets = unit.Unit.Members.ToDictionary(m => m.Name, StringComparer.Ordinal);
        Members = SecurityGroupMember.Of(unit.Unit.Members.Select(m => m.Gateway));
    }

    public UnitRun Unit { get; }

    public RunContext Run => Unit.Run;

    public ClusterKind Platform => Unit.Unit.Cluster?.Kind ?? ClusterKind.MaestroSecurityGroup;

    public IReadOnlyList<SecurityGroupMember> Members { get; }

    public RunTarget TargetOf(SecurityGroupMember m) => _targets[m.Name];

    /// <summary>Whether this run works on the member (its row has a batch number and it has work left).</summary>
    public bool IsTarget(SecurityGroupMember m) => Unit.Unit.Targets.Contains(TargetOf(m)) && Run.NeedsWork(TargetOf(m));

    public TargetContext Context(SecurityGroupMember m)
    {
        if (!_contexts.TryGetValue(m.Name, out var c))
        {
            c = new TargetContext(Run, Unit.Unit, TargetOf(m));
            _contexts[m.Name] = c;
        }

        return c;
    }

    public string Ids(IEnumerable<SecurityGroupMember> members) => string.Join(", ", members.Select(m => SecurityGroupCommands.Id(Platform, m)));

    /// <summary>Runs a command on the first candidate that answers (a rebooting member does not), logged under that member.</summary>
    public async Task<(SecurityGroupMember? On, CommandResult Result)> RunOnFirstAsync(IEnumerable<SecurityGroupMember> candidates, Func<Target, string> command, TimeSpan timeout, CancellationToken ct)
    {
        (SecurityGroupMember? On, CommandResult Result) last = (null, CommandResult.Failed(TransportError.Unreachable, "no member to run the command on"));
        foreach (var m in candidates)
        {
            var target = TargetOf(m).Target;
            var line = command(target);
            var result = await Run.Driver.RunAsync(target, line, timeout, ct);
            Run.Recorder.Detail(m.Name, $"$ {line}\n  -> {result.Describe()}");
            last = (m, result);
            if (result.Answered)
            {
                return last;
            }
        }

        return last;
    }

    /// <summary><c>asg stat</c>, asked of the first candidate that answers.</summary>
    public async Task<(AsgStatus? Status, string? Error)> StatusAsync(IEnumerable<SecurityGroupMember> from, CancellationToken ct)
    {
        var (_, result) = await RunOnFirstAsync(from, SecurityGroupCommands.AsgStat, Run.Settings.CommandTimeout, ct);
        var answer = GaiaAnswer<AsgStatus>.From(result, AsgStatParser.Parse, "reading asg stat");
        return (answer.Value, answer.Error);
    }

    /// <summary>Polls <c>asg stat</c> until the condition holds or the time-out passes (counted from now).</summary>
    public async Task<(bool Held, AsgStatus? Last, string? Error)> WaitAsync(IEnumerable<SecurityGroupMember> from, Func<AsgStatus, bool> condition, TimeSpan timeout, CancellationToken ct)
    {
        var candidates = from.ToList();
        var until = Run.Time.GetUtcNow() + timeout;
        AsgStatus? last = null;
        string? error = null;
        while (true)
        {
            var (status, e) = await StatusAsync(candidates, ct);
            (last, error) = (status ?? last, e);
            if (status is not null && condition(status))
            {
                return (true, status, null);
            }

            if (Run.Time.GetUtcNow() >= until)
            {
                return (false, last, error);
            }

            await Run.Delay(Run.Settings.PollInterval, ct);
        }
    }

    public static bool AllUp(AsgStatus s, IEnumerable<SecurityGroupMember> members) => members.All(m => s.Find(m.Site, m.Number) is { IsUp: true });

    /// <summary>Every member's state, the way the report gives it: "1_1: UP, 1_2: DOWN (admin) (Inactive)".</summary>
    public string Describe(AsgStatus? s) => s is null
        ? "member states unknown (asg stat could not be read)"
        : string.Join(", ", Members.Select(m => s.Find(m.Site, m.Number) is { } a
            ? SecurityGroupCommands.Id(Platform, m) + ": " + a.State + (a.IsUp || a.Process.Length == 0 ? string.Empty : " (" + a.Process + ")")
            : SecurityGroupCommands.Id(Platform, m) + ": not listed"));

    /// <summary>The command that brings members back into service by hand, for the report.</summary>
    public string UpCommand(IReadOnlyCollection<SecurityGroupMember> members) => Platform switch
    {
        ClusterKind.ElasticXlSecurityGroup => $"set cluster members-admin-state ids {string.Join(",", members.Select(m => SecurityGroupCommands.Id(Platform, m)))} up (gClish)",
        _ => $"g_clusterXL_admin -b {string.Join(",", members.Select(m => m.Id))} up (Expert)",
    };
}
