using System.Text.RegularExpressions;
using Cdt.Config;
using Cdt.Execution;
using Cdt.Execution.Choreography;
using Cdt.Fleet;
using Cdt.Tests.Support;
using NUnit.Framework;
using Shouldly;

namespace Cdt.Tests.Execution;

/// <summary>
/// The invariant of issue 6 over hundreds of random Security Groups, dual chassis and pairs with
/// injected faults: at every state change some logical group, chassis or node carries the traffic
/// (the simulator checks it at each one), a stage goes down only after the one before it is done,
/// every target is accounted for, auto-clone ends as the admin had it, and no command is ever
/// refused by the simulator or names every member at once.
/// </summary>
public class InvariantPropertyTests
{
    private const int Runs = 600;

    [Test]
    public void SomeLogicalGroupChassisOrNodeCarriesTheTrafficAtEveryMomentOfEveryRun()
    {
        var problems = new List<string>();
        var outcomes = new Dictionary<string, int>();
        var kinds = new Dictionary<string, int>();
        for (var seed = 0; seed < Runs; seed++)
        {
            var p = RandomProcedure.From(seed);
            using var h = new ProcedureHarness(p.Inventory)
            {
                Uninstall = p.Uninstall,
                SecurityGroups = new SecurityGroupSettings { Groups = p.Groups },
            };
            var gateways = h.World.Gateways.Values.OrderBy(g => g.Name, StringComparer.Ordinal).ToList();
            foreach (var (member, fault) in p.Faults)
            {
                gateways[member].Faults.Add(fault);
            }

            if (h.World.Clusters.TryGetValue("sg", out var sg))
            {
                sg.AutoClone = p.AutoCloneOn;
                sg.ActiveSite = p.ActiveChassis;
            }

            if (p.Uninstall)
            {
                gateways.ForEach(g => g.AppliedRounds = 1);
            }

            var result = h.Run();
            var why = Check(h, p, result);
            if (why.Count > 0)
            {
                problems.Add($"seed {seed}: {string.Join("; ", why)}\n{p}\n{h.Outcome(p.Unit)}");
            }

            var key = h.State!.Units[p.Unit].Phase;
            if (key == "failed")
            {
                var words = string.Join(" ", Regex.Replace(h.Outcome(p.Unit), @"\b(sg|ap)-[0-9_]+|\b[0-9]+_[0-9]+\b|\(.*", "X").Split(' ').Take(4));
                kinds[words] = kinds.GetValueOrDefault(words) + 1;
            }

            outcomes[key] = outcomes.GetValueOrDefault(key) + 1;
        }

        TestContext.Out.WriteLine("unit outcomes over " + Runs + " runs: " + string.Join(", ", outcomes.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => o.Key + " " + o.Value)));
        TestContext.Out.WriteLine("failure kinds: " + string.Join(", ", kinds.OrderByDescending(k => k.Value).Select(k => k.Key + " " + k.Value)));
        problems.ShouldBeEmpty();
        // The faults must actually bite: a property that only ever sees successes proves little.
        outcomes.GetValueOrDefault("failed").ShouldBeGreaterThan(Runs / 10);
        outcomes.GetValueOrDefault("succeeded").ShouldBeGreaterThan(Runs / 3);
    }

    private static List<string> Check(ProcedureHarness h, RandomProcedure p, RunResult result)
    {
        var why = new List<string>();
        why.AddRange(h.World.Violations);
        why.AddRange(h.World.RefusedCommands.Select(c => "refused: " + c));
        if (h.Commands.Any(c => c.Contains("member_ids all", StringComparison.Ordinal) || c.Contains("-b all", StringComparison.Ordinal)))
        {
            why.Add("a command named every member");
        }

        if (h.State!.Targets.Values.FirstOrDefault(t => t.Status is TargetStatus.Pending or TargetStatus.Running) is { } open)
        {
            why.Add($"{open.Name} was left {open.Status}");
        }

        if (result.Succeeded + result.Failed + result.NotStarted != h.State.Targets.Count)
        {
            why.Add("targets do not add up");
        }

        var phases = h.State.Units[p.Unit].Phases;
        var downs = phases.Where(x => x.StartsWith("down:", StringComparison.Ordinal)).ToList();
        for (var i = 1; i < downs.Count; i++)
        {
            // The next stage goes down only once the stage before it is done (installed, UP, confirmed).
            var before = phases.IndexOf(downs[i]);
            var previous = downs[i - 1]["down:".Length..];
            if (phases.IndexOf("done:" + previous) is var done && (done < 0 || done > before))
            {
                why.Add($"{downs[i]} before done:{previous}");
            }
        }

        if (h.World.Clusters.TryGetValue("sg", out var sg) && sg.AutoClone != p.AutoCloneOn
            && !(p.Faults.Any(f => f.Fault == Fault.AutoCloneFails) && h.Outcome(p.Unit).Contains("could not be turned back on", StringComparison.Ordinal)))
        {
            why.Add($"auto-clone ended {(sg.AutoClone ? "on" : "off")}, the admin had it {(p.AutoCloneOn ? "on" : "off")}");
        }

        if (h.State.Units[p.Unit].Phase == "failed" && !h.Outcome(p.Unit).Contains("nothing", StringComparison.Ordinal) && !h.Outcome(p.Unit).Contains("Next:", StringComparison.Ordinal))
        {
            why.Add("a failure after something was touched does not say what to do next");
        }

        if (phases.Contains(SecurityGroupAutoClone.WasOn) && !phases.Contains(SecurityGroupAutoClone.Restored)
            && !h.Outcome(p.Unit).Contains("could not be turned back on", StringComparison.Ordinal))
        {
            why.Add("auto-clone was turned off and never restored");
        }

        return why;
    }
}
