using System.Globalization;
using Cdt.Tests.Support;
using NUnit.Framework;
using Shouldly;

namespace Cdt.Tests.Execution;

public class InvariantTests
{
    private static readonly string[] Faults =
    [
        "install_fails", "verify_refuses", "reboot_never_returns", "slow_reboot", "no_failover",
        "drop_during_install", "import_fails", "corrupt_transfer", "config_lock", "garbled_output",
    ];

    [Test]
    public void NoClusterIsEverFullyOutOfServiceAcrossRandomRunsWithFaults()
    {
        var failures = new List<string>();
        for (var seed = 1; seed <= 500; seed++)
        {
            var random = new Random(seed);
            using var h = new EngineHarness(RandomFleet(random), string.Create(CultureInfo.InvariantCulture,
                $"max_parallel: {random.Next(1, 6)}\nmax_nodes_per_cluster: {random.Next(1, 3)}\ncontinue_after_failed_batch: true\nreboot_timeout: 40m\n"));
            h.Generate();
            foreach (var g in h.World.Gateways.Values.Where(_ => random.NextDouble() < 0.05))
            {
                // Unreachable at execution time (after the list was made): a failure, never a skip.
                g.Faults.Add(Cdt.Fleet.Fault.Unreachable);
            }

            var outcome = h.Execute();

            if (h.World.Violations.Count > 0 || h.World.RefusedCommands.Count > 0)
            {
                failures.Add($"seed {seed}: {string.Join("; ", h.World.Violations.Concat(h.World.RefusedCommands))}");
            }

            h.World.Gateways.Values.ShouldAllBe(g => g.InstallCount.Values.All(n => n <= 1), $"seed {seed}");
            var targets = File.ReadAllLines(h.ListPath).Skip(1).Count(l => int.TryParse(l.Split(',')[5], out _));
            (outcome.Run.Succeeded + outcome.Run.Failed + outcome.Run.NotStarted).ShouldBe(targets, $"seed {seed}");
        }

        failures.ShouldBeEmpty();
    }

    private static string RandomFleet(Random r)
    {
        var fleet = new FleetBuilder();
        var ip = 0;
        for (var i = 0; i < r.Next(0, 3); i++)
        {
            fleet.Gateway(string.Create(CultureInfo.InvariantCulture, $"gw{i}"), string.Create(CultureInfo.InvariantCulture, $"10.0.0.{++ip}"), "R81.20", Simulation(r));
        }

        var clusters = r.Next(1, 4);
        for (var c = 0; c < clusters; c++)
        {
            var (type, active, standby) = r.Next(3) switch
            {
                0 => ("clusterxl-ha", "active", "standby"),
                1 => ("vrrp", "master", "backup"),
                _ => ("vsx-vsls", "VSLS active member", "VSLS member"),
            };
            var count = type == "vrrp" ? 2 : r.Next(2, 4);
            var activeIndex = r.Next(count);
            var members = new List<FleetBuilder.Member>();
            for (var m = 0; m < count; m++)
            {
                var name = string.Create(CultureInfo.InvariantCulture, $"cl{c}-m{m}");
                members.Add(new(string.Create(CultureInfo.InvariantCulture, $"10.1.{c}.{m + 1}"), m == activeIndex ? active : standby, name, Simulation(r)));
            }

            fleet.Cluster(string.Create(CultureInfo.InvariantCulture, $"cl{c}"), type, "R81.20", members);
        }

        return fleet.ToString();
    }

    /// <summary>No entry at all, or a simulation with an install time and one or two faults.</summary>
    private static string[] Simulation(Random r)
    {
        if (r.NextDouble() > 0.35)
        {
            return [];
        }

        var faults = Enumerable.Range(0, r.Next(1, 3)).Select(_ => Faults[r.Next(Faults.Length)]).Distinct();
        return ["simulation: { install: " + r.Next(5, 40).ToString(CultureInfo.InvariantCulture) + "m, faults: [" + string.Join(", ", faults) + "] }"];
    }
}
