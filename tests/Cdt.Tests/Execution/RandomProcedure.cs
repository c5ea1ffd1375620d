using System.Globalization;
using System.Text;
using Cdt.Fleet;

namespace Cdt.Tests.Execution;

/// <summary>A random Security Group (Maestro, ElasticXL, dual chassis) or active/passive pair, with random faults, from a seed.</summary>
public sealed record RandomProcedure(string Inventory, string Unit, bool Uninstall, int Groups, bool AutoCloneOn, int ActiveChassis, IReadOnlyList<(int Member, Fault Fault)> Faults)
{
    public static readonly Fault[] Injectable =
    [
        Fault.InstallFails, Fault.NeverUp, Fault.RebootNeverReturns, Fault.SlowReboot, Fault.AutoCloneFails, Fault.VerifyRefuses,
        Fault.Unreachable, Fault.GarbledOutput, Fault.ConfigLock, Fault.NoFailover, Fault.NeverSyncs, Fault.VerifyFails, Fault.ImportFails,
    ];

    public static RandomProcedure From(int seed)
    {
        var rng = new Random(seed);
        var kind = rng.Next(4);
        var uninstall = rng.Next(4) == 0;
        var installed = uninstall ? $", installed: [\"{Support.ProcedureHarness.PackageName}\"]" : string.Empty;
        string inventory;
        string unit;
        int members;
        if (kind == 3)
        {
            unit = "ap";
            members = 2;
            inventory = $$"""
                clusters:
                  - name: ap
                    type: active-passive
                    version: R81.20
                    simulation: { update_rounds: {{rng.Next(0, 4).ToString(CultureInfo.InvariantCulture)}} }
                    max_rounds: {{rng.Next(1, 4).ToString(CultureInfo.InvariantCulture)}}
                    commands: { active: pairctl is-active, switchover: pairctl switchover, in_sync: pairctl in-sync, install: pairctl install --no-reboot, uninstall: pairctl uninstall --no-reboot, reboot: pairctl reboot, verify: pairctl verify, pending: pairctl pending }
                    members:
                      - { name: ap-1, ip: 10.5.1.1, state: active }
                      - { name: ap-2, ip: 10.5.1.2, state: passive }
                """;
        }
        else
        {
            unit = "sg";
            var platform = kind switch { 0 => "maestro", 1 => "elasticxl", _ => "dual-chassis" };
            var sites = kind == 2 ? 2 : rng.Next(1, 3);
            var perSite = kind switch { 1 => rng.Next(1, 4), 2 => rng.Next(1, 5), _ => rng.Next(1, 9) };
            if (sites * perSite < 2)
            {
                perSite = 2;
            }

            var ids = Enumerable.Range(1, sites).SelectMany(s => Enumerable.Range(1, perSite).Select(n => s.ToString(CultureInfo.InvariantCulture) + "_" + n.ToString(CultureInfo.InvariantCulture))).ToList();
            members = ids.Count;
            var mode = kind == 0 ? new[] { "gateway", "vsnext", "vsx" }[rng.Next(3)] : kind == 1 ? new[] { "gateway", "vsnext" }[rng.Next(2)] : "gateway";
            inventory = $"security_groups:\n  - {{ name: sg, platform: {platform}, ip: 10.4.1.1, version: R81.20, mode: {mode}{installed}, members: [{string.Join(", ", ids)}] }}\n";
        }

        var faults = new List<(int, Fault)>();
        for (var m = 0; m < members; m++)
        {
            if (rng.NextDouble() < 0.15)
            {
                faults.Add((m, Injectable[rng.Next(Injectable.Length)]));
            }
        }

        return new RandomProcedure(inventory, unit, uninstall, rng.Next(2, 5), rng.Next(3) > 0, rng.Next(1, 3), faults);
    }

    public override string ToString()
    {
        var sb = new StringBuilder(Inventory);
        sb.Append(CultureInfo.InvariantCulture, $"uninstall: {Uninstall}, groups: {Groups}, auto-clone on: {AutoCloneOn}, active chassis: {ActiveChassis}, faults: ");
        sb.Append(string.Join(", ", Faults.Select(f => f.Member.ToString(CultureInfo.InvariantCulture) + "=" + f.Fault)));
        return sb.ToString();
    }
}
