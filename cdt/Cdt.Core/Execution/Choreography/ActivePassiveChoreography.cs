using Cdt.Fleet;

namespace Cdt.Execution.Choreography;

/// <summary>
/// Active/passive pairs of any vendor (seed 003), driven by the commands the admin configured:
/// pre-check (one active and one passive node, in sync), then rounds of <see cref="PairRound"/>
/// (install on the active without reboot, switch over, reboot and verify it, wait for sync; the
/// same on the other node, switching back to the original primary), repeated while the pending
/// command says more updates wait, at most <c>max_rounds</c> times. One node always carries the traffic.
/// </summary>
public sealed class ActivePassiveChoreography : IUnitChoreography
{
    public async Task RunAsync(UnitRun unit, CancellationToken ct)
    {
        var run = unit.Run;
        if (!unit.Unit.Targets.Any(unit.NeedsWork))
        {
            unit.Finish(true, "nothing left to do");
            return;
        }

        var cluster = unit.Unit.Cluster!;
        var commands = (cluster.Commands ?? new PairCommands()).Over(run.ActivePassive.Commands);
        if (commands.Missing(run.RemovesPackage) is { Count: > 0 } missing)
        {
            unit.Finish(false, $"no command configured for {string.Join(", ", missing)}: set them under 'commands' of {cluster.Name} in the inventory, or under 'active_passive: commands' in cdt.conf; nothing was touched", TargetRunner.Failed);
            return;
        }

        if (unit.Unit.Members.Count != 2 || unit.Unit.Targets.Count != 2)
        {
            unit.Finish(false, "an active/passive pair is installed whole: both nodes must be in the list with a batch number; nothing was touched", TargetRunner.Failed);
            return;
        }

        var pair = new PairSession(unit, commands);
        var (active, states) = await pair.RolesAsync(ct);
        if (!unit.Reached("precheck"))
        {
            if (active is null)
            {
                unit.Finish(false, $"pre-check failed, nothing was touched: expected one active and one passive node ({states})", TargetRunner.Failed);
                return;
            }

            var sync = await pair.RunAsync("in_sync", active, run.Settings.CommandTimeout, ct);
            if (!sync.Succeeded)
            {
                unit.Finish(false, $"pre-check failed, nothing was touched: the pair is not in sync (in_sync gave {PairSession.Outcome(sync)}; {states})", TargetRunner.Failed);
                return;
            }

            unit.Phase("primary:" + active.Name, $"{active.Name} is the primary (active) node");
            unit.Phase("precheck", $"pre-check passed: {states}; in sync");
        }

        var primaryName = unit.LastPhaseStartingWith("primary:")!["primary:".Length..];
        var primary = unit.Unit.Members.First(m => m.Name == primaryName);
        foreach (var t in unit.Unit.Targets.Where(unit.NeedsWork))
        {
            run.Recorder.TargetStarted(unit.Unit, t);
        }

        var (rounds, note) = await RoundsAsync(unit, pair, primary, ct);
        if (rounds.Failure is { } failure)
        {
            var other = pair.Other(failure.Node);
            run.Recorder.TargetFinished(unit.Unit, failure.Node, TargetRunner.Failed, failure.Message);
            unit.Finish(false, failure.Message, unit.State.Phases.Any(p => p.Contains(":" + other.Name + ":", StringComparison.Ordinal)) ? TargetRunner.Failed : TargetRunner.NotStarted);
            return;
        }

        var verb = run.RemovesPackage ? "uninstalled" : "installed";
        var message = FormattableString.Invariant($"{verb} in {rounds.Count} round(s), each node verified after its reboot; {primary.Name} is active again and the pair is in sync") + note;
        foreach (var t in unit.Unit.Targets.Where(t => run.State.Targets[t.Name].Status == TargetStatus.Running))
        {
            run.Recorder.TargetFinished(unit.Unit, t, TargetRunner.Succeeded, message);
        }

        unit.Finish(true, message);
    }

    private sealed record Rounds(int Count, (RunTarget Node, string Message)? Failure);

    private static async Task<(Rounds Rounds, string Note)> RoundsAsync(UnitRun unit, PairSession pair, RunTarget primary, CancellationToken ct)
    {
        var run = unit.Run;
        var max = unit.Unit.Cluster!.MaxRounds ?? run.ActivePassive.MaxRounds;
        var round = new PairRound(pair, primary);
        for (var r = 1; r <= max; r++)
        {
            if (await round.RunAsync(r, ct) is { } failure)
            {
                return (new Rounds(r, failure), string.Empty);
            }

            if (run.RemovesPackage || pair.Commands.Pending is null)
            {
                return (new Rounds(r, null), string.Empty);
            }

            var pending = await pair.RunAsync("pending", primary, run.Settings.CommandTimeout, ct);
            if (pending is { Answered: true, ExitCode: 1 })
            {
                return (new Rounds(r, null), "; no more updates pending");
            }

            if (pending is not { Answered: true, ExitCode: 0 })
            {
                return (new Rounds(r, null), $"; the pending command gave {PairSession.Outcome(pending)}, so no further round was started");
            }

            if (r == max)
            {
                return (new Rounds(r, null), FormattableString.Invariant($"; more updates are still pending after {r} round(s) (max_rounds): run again to install them"));
            }

            unit.Phase(FormattableString.Invariant($"r{r}:pending"), FormattableString.Invariant($"more updates are pending: round {r + 1}"));
        }

        return (new Rounds(max, null), string.Empty);
    }
}
