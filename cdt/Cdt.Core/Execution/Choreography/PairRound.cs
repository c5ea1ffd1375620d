using Cdt.Diagnostics;
using Cdt.Formats;
using Cdt.Yaml;

namespace Cdt.Execution.Choreography;

/// <summary>
/// One round of seed 003 on an active/passive pair: on the active node install without reboot,
/// switch over, reboot and verify that node, wait until the pair is in sync; then the same on the
/// other node, which switches the traffic back to the primary. A node is never rebooted while it
/// is active. Every step is journaled when done, so resume skips what is finished.
/// </summary>
public sealed class PairRound
{
    private readonly PairSession _pair;
    private readonly RunTarget _primary;

    public PairRound(PairSession pair, RunTarget primary)
    {
        _pair = pair;
        _primary = primary;
    }

    /// <summary>The node a failure left in trouble, with the whole story; null when the round is done.</summary>
    public async Task<(RunTarget Node, string Message)?> RunAsync(int round, CancellationToken ct) =>
        await HalfAsync(round, _primary, _pair.Other(_primary), ct) ?? await HalfAsync(round, _pair.Other(_primary), _primary, ct);

    private UnitRun Unit => _pair.Unit;

    private Config.ExecuteSettings Settings => Unit.Run.Settings;

    /// <summary>Installs on <paramref name="x"/> (active), hands the traffic to <paramref name="y"/>, reboots and verifies x, waits for sync.</summary>
    private async Task<(RunTarget, string)?> HalfAsync(int round, RunTarget x, RunTarget y, CancellationToken ct)
    {
        var key = FormattableString.Invariant($"r{round}:{x.Name}:");
        var verb = Unit.Run.RemovesPackage ? "uninstall" : "install";
        if (!Unit.Reached(key + "install:done"))
        {
            Unit.Phase(key + "install", $"round {round}: {verb} on {x.Name} (active) without reboot");
            var r = await _pair.RunAsync(verb, x, Settings.InstallTimeout, ct);
            if (!r.Succeeded)
            {
                return (x, $"round {round}: the {verb} command on {x.Name} ended with {PairSession.Outcome(r)}; {x.Name} was not rebooted and still carries the traffic; {y.Name} was not touched in this round. Next: read the updater's log on {x.Name}, fix the cause, then 'cdt resume --retry-failed' the list");
            }

            Unit.Phase(key + "install:done", $"round {round}: {verb} on {x.Name} done; a reboot finishes it");
        }

        if (!Unit.Reached(key + "switchover:done"))
        {
            var (active, states) = await _pair.RolesAsync(ct);
            if (active != y)
            {
                if (active != x)
                {
                    return (x, $"round {round}: before the switchover, expected {x.Name} active and {y.Name} passive ({states}); nothing more was done. Next: bring the pair back to one active and one passive node, then 'cdt resume --retry-failed' the list");
                }

                Unit.Phase(key + "switchover", $"round {round}: switching over from {x.Name} to {y.Name}");
                await _pair.RunAsync("switchover", x, Settings.CommandTimeout, ct);
                if (!await _pair.WaitActiveAsync(y, Settings.FailoverTimeout, ct))
                {
                    var (_, after) = await _pair.RolesAsync(ct);
                    return (x, $"round {round}: the switchover from {x.Name} to {y.Name} did not happen within {DurationText.Format(Settings.FailoverTimeout)} ({after}); {x.Name} carries the traffic with the {verb} done but not rebooted yet. Next: fix the switchover, then 'cdt resume --retry-failed' the list (or reboot {x.Name} in a maintenance window)");
                }
            }

            Unit.Phase(key + "switchover:done", $"round {round}: {y.Name} is active and carries the traffic");
        }

        if (!Unit.Reached(key + "reboot:done"))
        {
            var check = await _pair.RunAsync("active", x, Settings.CommandTimeout, ct);
            if (check is { Answered: true, ExitCode: 0 })
            {
                return (x, $"round {round}: refusing to reboot {x.Name}: it reports being the active node; nothing was rebooted. Next: check which node carries the traffic, then 'cdt resume --retry-failed' the list");
            }

            Unit.Phase(key + "reboot", $"round {round}: rebooting {x.Name} (passive) to finish the {verb}");
            var started = Unit.Run.Time.GetUtcNow();
            await _pair.RunAsync("reboot", x, Settings.CommandTimeout, ct);
            if (!await _pair.WaitBackAsync(x, started, ct))
            {
                return (x, $"round {round}: {x.Name} did not answer within {DurationText.Format(Settings.RebootTimeout)} of its reboot; {y.Name} is active and carries the traffic. Next: look at {x.Name} on its console, then 'cdt resume --retry-failed' the list");
            }

            Unit.Phase(key + "reboot:done", $"round {round}: {x.Name} is back");
        }

        if (!Unit.Reached(key + "verify:done"))
        {
            var v = await _pair.RunAsync("verify", x, Settings.CommandTimeout, ct);
            if (!v.Succeeded)
            {
                return (x, $"round {round}: verify on {x.Name} ended with {PairSession.Outcome(v)}: the {verb} is not in place; {y.Name} is active and carries the traffic, and traffic was not switched back. Next: check the updates on {x.Name}, then 'cdt resume --retry-failed' the list");
            }

            Unit.Phase(key + "verify:done", $"round {round}: {x.Name} verified");
        }

        if (!Unit.Reached(key + "sync:done"))
        {
            if (!await _pair.WaitInSyncAsync(y, Unit.Run.ActivePassive.SyncTimeout, ct))
            {
                return (x, $"round {round}: {x.Name} and {y.Name} were not in sync within {DurationText.Format(Unit.Run.ActivePassive.SyncTimeout)} after {x.Name}'s reboot; {y.Name} is active and carries the traffic; {x.Name} is passive with the {verb} done. Next: check the synchronization, then 'cdt resume --retry-failed' the list");
            }

            Unit.Phase(key + "sync:done", $"round {round}: in sync again, {y.Name} active");
        }

        return null;
    }
}
