using System.Globalization;
using Cdt.Fleet;
using Cdt.Transport;

namespace Cdt.Execution.Choreography;

/// <summary>
/// An active/passive pair while its unit runs: runs the configured commands on a node through the
/// remote shell and reads only their exit codes. Logs name the command ("switchover"), never its
/// text or output: a configured command line may carry a secret.
/// </summary>
public sealed class PairSession
{
    public PairSession(UnitRun unit, PairCommands commands)
    {
        Unit = unit;
        Commands = commands;
    }

    public UnitRun Unit { get; }

    public PairCommands Commands { get; }

    private RunContext Run => Unit.Run;

    public RunTarget Other(RunTarget node) => Unit.Unit.Members.First(m => m != node);

    /// <summary>Runs the command configured under <paramref name="key"/> on a node.</summary>
    public async Task<CommandResult> RunAsync(string key, RunTarget node, TimeSpan timeout, CancellationToken ct)
    {
        var line = Commands.All().First(c => c.Key == key).Value!;
        var result = await Run.Driver.RunAsync(node.Target, line, timeout, ct);
        Run.Recorder.Detail(node.Name, $"'{key}' command: {Outcome(result)} (the command and its output are not logged)");
        return result;
    }

    /// <summary>How a command ended, without its output: "exit 0", "exit 1", "unreachable".</summary>
    public static string Outcome(CommandResult r) => r.Answered
        ? "exit " + r.ExitCode.ToString(CultureInfo.InvariantCulture)
        : CommandResult.ErrorText(r.Error);

    /// <summary>Asks both nodes which one is active; exactly one must say so and the other be passive.</summary>
    public async Task<(RunTarget? Active, string States)> RolesAsync(CancellationToken ct)
    {
        var states = new List<string>();
        var active = new List<RunTarget>();
        var passive = 0;
        foreach (var node in Unit.Unit.Members)
        {
            var r = await RunAsync("active", node, Run.Settings.CommandTimeout, ct);
            var state = r.Answered ? r.ExitCode switch { 0 => "active", 1 => "passive", _ => "unknown (" + Outcome(r) + ")" } : "unreachable";
            states.Add(node.Name + ": " + state);
            if (state == "active")
            {
                active.Add(node);
            }
            else if (state == "passive")
            {
                passive++;
            }
        }

        return (active.Count == 1 && passive == 1 ? active[0] : null, string.Join(", ", states));
    }

    /// <summary>Polls until the node is the active one (true) or the time-out passes.</summary>
    public async Task<bool> WaitActiveAsync(RunTarget node, TimeSpan timeout, CancellationToken ct) =>
        await PollAsync(async () => (await RunAsync("active", node, Run.Settings.CommandTimeout, ct)) is { Answered: true, ExitCode: 0 }, timeout, ct);

    /// <summary>Polls the in-sync command on a node until it says the pair is in sync.</summary>
    public async Task<bool> WaitInSyncAsync(RunTarget node, TimeSpan timeout, CancellationToken ct) =>
        await PollAsync(async () => (await RunAsync("in_sync", node, Run.Settings.CommandTimeout, ct)) is { Answered: true, ExitCode: 0 }, timeout, ct);

    /// <summary>After a reboot: waits out the expected reboot time, then polls until the node answers again.</summary>
    public async Task<bool> WaitBackAsync(RunTarget node, DateTimeOffset rebootStarted, CancellationToken ct)
    {
        var s = Run.Settings;
        await Run.Delay(rebootStarted + s.ExpectedReboot - Run.Time.GetUtcNow(), ct);
        var left = rebootStarted + s.RebootTimeout - Run.Time.GetUtcNow();
        return await PollAsync(async () => (await RunAsync("active", node, s.CommandTimeout, ct)).Answered, left, ct);
    }

    private async Task<bool> PollAsync(Func<Task<bool>> condition, TimeSpan timeout, CancellationToken ct)
    {
        var until = Run.Time.GetUtcNow() + timeout;
        while (true)
        {
            if (await condition())
            {
                return true;
            }

            if (Run.Time.GetUtcNow() >= until)
            {
                return false;
            }

            await Run.Delay(Run.Settings.PollInterval, ct);
        }
    }
}
