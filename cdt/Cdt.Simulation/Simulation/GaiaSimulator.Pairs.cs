using Cdt.Fleet;

namespace Cdt.Simulation;

/// <summary>
/// A simulated vendor CLI for active/passive pairs of any vendor (seed 003), <c>pairctl</c>, so the
/// pair procedure runs on the simulated fleet with the commands the sample inventory configures:
/// <c>is-active</c>, <c>switchover</c>, <c>in-sync</c>, <c>install --no-reboot</c>,
/// <c>uninstall --no-reboot</c>, <c>reboot</c>, <c>verify</c>, <c>pending</c>. Exit codes carry the answers.
/// </summary>
public sealed partial class GaiaSimulator
{
    private SimReply Pair(SimGateway g, IReadOnlyList<string> w, string line, DateTimeOffset now)
    {
        var pair = _world.ClusterOf(g)!;
        var active = g.Role == SimRole.Active && _world.IsServing(g, now);
        var verb = string.Join(" ", w.Skip(1));
        switch (verb)
        {
            case "is-active":
                return active ? SimReply.Ok("active\n") : new SimReply { Exit = 1, Stdout = "passive\n" };
            case "in-sync":
                return pair.InSync ? SimReply.Ok("in sync\n") : new SimReply { Exit = 1, Stdout = "synchronizing\n" };
            case "switchover":
                return Switchover(g, pair, active, now);
            case "install --no-reboot" or "uninstall --no-reboot":
                return Stage(g, verb.StartsWith("uninstall", StringComparison.Ordinal));
            case "reboot":
                if (active)
                {
                    _world.Violations.Add($"{Formats.IsoTime.Format(now)}: {g.Name} of {pair.Name} was rebooted while it was the active node (no switchover first)");
                }

                _world.StartReboot(g, now);
                return SimReply.Ok("rebooting\n");
            case "verify":
                return g.StagedChange == 0 && !g.Has(Fault.VerifyFails)
                    ? SimReply.Ok("all updates installed properly\n")
                    : SimReply.Fail(1, g.StagedChange != 0 ? "updates wait for a reboot\n" : "update 2 of 3 failed to apply\n");
            case "pending":
                return g.UpdateRounds > 0 ? SimReply.Ok("more updates are available\n") : new SimReply { Exit = 1, Stdout = "up to date\n" };
            default:
                return Refuse(g, line, "pairctl: unknown command\n", 2);
        }
    }

    private SimReply Switchover(SimGateway g, SimCluster pair, bool active, DateTimeOffset now)
    {
        if (!active)
        {
            return SimReply.Fail(1, "switchover: this node is not the active node\n");
        }

        var peer = _world.MembersOf(pair).FirstOrDefault(m => m != g && _world.IsServing(m, now));
        if (peer is null)
        {
            return SimReply.Fail(1, "switchover: the peer node is not available\n");
        }

        if (!g.Has(Fault.NoFailover))
        {
            g.Role = SimRole.Standby;
            peer.Role = SimRole.Active;
            _world.Changed(g, now);
        }

        return new SimReply { Exit = 0, Stdout = "switchover requested\n", Duration = TimeSpan.FromSeconds(20) };
    }

    private static SimReply Stage(SimGateway g, bool uninstall)
    {
        if (g.Has(Fault.InstallFails))
        {
            return new SimReply { Exit = 1, Stderr = "install: update 1 of 3 failed (0x80070643)\n", Duration = g.InstallDuration };
        }

        if (uninstall ? g.AppliedRounds == 0 : g.UpdateRounds == 0)
        {
            return SimReply.Ok(uninstall ? "nothing to remove\n" : "no updates to install\n");
        }

        g.StagedChange = uninstall ? -1 : 1;
        return new SimReply { Exit = 0, Stdout = "installed; a reboot is required\n", Duration = g.InstallDuration };
    }
}
