using Cdt.Config;
using Cdt.Scheduling;
using Cdt.Transport;

namespace Cdt.Tests.Scheduling;

/// <summary>Three targets; a target's first N transfer attempts fail (like simulation.transfer_failures); every attempt and notice is counted.</summary>
public sealed class FakeFleet : IScheduleFleet
{
    public Dictionary<string, int> FailuresLeft { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, int> Attempts { get; } = new(StringComparer.Ordinal);

    public List<(string Target, DateTimeOffset At)> Notices { get; } = [];

    public TimeProvider? Time { get; init; }

    public string? Error { get; set; }

    public IReadOnlyList<string> Targets { get; init; } = ["gw-a", "gw-b", "gw-c"];

    public FleetPlan Resolve(ScheduleSettings schedule) =>
        Error is { } e ? FleetPlan.Failed(e) : new FleetPlan { Targets = Targets, Package = "pkg.tgz", PackageMd5 = "0123456789abcdef0123456789abcdef" };

    public async Task<TransferAttempt> TransferOnceAsync(ScheduleSettings schedule, string target, CancellationToken ct)
    {
        // A real transfer yields: other work (another daemon) runs meanwhile.
        await Task.Yield();
        Attempts[target] = Attempts.GetValueOrDefault(target) + 1;
        var left = FailuresLeft.GetValueOrDefault(target);
        if (left > 0)
        {
            FailuresLeft[target] = left - 1;
            return TransferAttempt.Failed("connection dropped: scp: Connection closed");
        }

        return TransferAttempt.Ok;
    }

    public Task<CommandResult> RunNoticeAsync(ScheduleSettings schedule, string target, CancellationToken ct)
    {
        Notices.Add((target, Time?.GetUtcNow() ?? default));
        return Task.FromResult(new CommandResult { ExitCode = 0 });
    }
}
