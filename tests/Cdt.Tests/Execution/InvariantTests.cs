using System.Globalization;
using System.Text;
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
        var sb = new StringBuilder("gateways:\n");
        var ip = 0;
        for (var i = 0; i < r.Next(0, 3); i++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"  - {{ name: gw{i}, ip: 10.0.0.{++ip}, version: R81.20{Simulation(r)} }}\n");
        }

        sb.Append("clusters:\n");
        var clusters = r.Next(1, 4);
        for (var c = 0; c < clusters; c++)
        {
            var (type, active, standby) = r.Next(3) switch
            {
                0 => ("clusterxl-ha", "active", "standby"),
                1 => ("vrrp", "master", "backup"),
                _ => ("vsx-vsls", "VSLS active member", "VSLS member"),
            };
            var members = type == "vrrp" ? 2 : r.Next(2, 4);
            var activeIndex = r.Next(members);
            sb.Append(CultureInfo.InvariantCulture, $"  - name: cl{c}\n    type: {type}\n    version: R81.20\n    members:\n");
            for (var m = 0; m < members; m++)
            {
                sb.Append(CultureInfo.InvariantCulture, $"      - {{ name: cl{c}-m{m}, ip: 10.1.{c}.{m + 1}, state: {(m == activeIndex ? active : standby)}{Simulation(r)} }}\n");
            }
        }

        return sb.ToString();
    }

    private static string Simulation(Random r)
    {
        if (r.NextDouble() > 0.35)
        {
            return string.Empty;
        }

        var faults = Enumerable.Range(0, r.Next(1, 3)).Select(_ => Faults[r.Next(Faults.Length)]).Distinct();
        return ", simulation: { install: " + r.Next(5, 40).ToString(CultureInfo.InvariantCulture) + "m, faults: [" + string.Join(", ", faults) + "] }";
    }
}
