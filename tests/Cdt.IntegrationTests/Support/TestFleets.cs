using Cdt.GatewayEmulator.Sshd;
using Cdt.Tests.Support;

namespace Cdt.IntegrationTests.Support;

/// <summary>Inventories of emulated fleets, on a fixture's own loopback addresses.</summary>
public static class TestFleets
{
    public const string PackageFile = "Check_Point_R81_20_JUMBO_HF_MAIN_Bundle_T92_FULL.tgz";
    public const string PackageName = "R81.20 Jumbo Hotfix Accumulator General Availability (Take 92)";

    /// <summary>
    /// 23 gateways: 16 standalone (one with the package, one on R80.40, one the inventory wrongly says is on R80.40, one Clish login, one
    /// <c>shell: auto</c>), two ClusterXL HA clusters (2 and 3 members) and a VRRP pair.
    /// Addresses 1 to 23 in that order.
    /// </summary>
    public static string Standard(LoopbackNet net, string simulation = "{ install: 20m, reboot: 6m }")
    {
        var fleet = new FleetBuilder().Package(PackageFile, PackageName);
        for (var i = 1; i <= 16; i++)
        {
            string[] extra = i switch
            {
                13 => ["shell: auto"],
                14 => ["shell: clish"],
                15 => [$"installed: [{PackageName}]"],
                _ => [],
            };
            fleet.Gateway($"gw-{i:00}", net.Address(i), i is 12 or 16 ? "R80.40" : "R81.20", [.. extra, "simulation: " + simulation]);
        }

        return fleet
            .Cluster("cl-a", "clusterxl-ha", "R81.20", [new(net.Address(17), "active"), new(net.Address(18), "standby")], simulation)
            .Cluster("cl-b", "clusterxl-ha", "R81.20", [new(net.Address(19), "standby"), new(net.Address(20), "active"), new(net.Address(21), "standby")], simulation)
            .Cluster("cl-v", "vrrp", "R81.20", [new(net.Address(22), "master"), new(net.Address(23), "backup")], simulation)
            .ToString();
    }

    /// <summary>
    /// One Maestro Security Group of 4 members, each reached on its own address (1 to 4; the emulator
    /// tells gateways apart by the address dialled; the Security Group's own address 7 is never dialled),
    /// and one active/passive pair driven by <c>pairctl</c> in 2 update rounds, in sync 30s after a reboot (addresses 5 and 6).
    /// <paramref name="simulation"/> is the inside of both <c>simulation</c> mappings.
    /// </summary>
    public static string Procedures(LoopbackNet net, string simulation = "install: 1m, reboot: 30s")
    {
        var members = string.Concat(Enumerable.Range(1, 4).Select(i => $"      - {{ id: 1_{i}, ssh: {{ host: {net.Address(i)} }} }}\n"));
        return new FleetBuilder()
            .Package(PackageFile, PackageName)
            .Section($"security_groups:\n  - name: sg-lyon\n    platform: maestro\n    ip: {net.Address(7)}\n    version: R81.20\n    simulation: {{ {simulation} }}\n    members:\n{members}")
            .Section($$"""
            clusters:
              - name: ap-billing
                type: active-passive
                version: R81.20
                simulation: { {{simulation}}, update_rounds: 2, sync: 30s }
                max_rounds: 3
                commands:
                  active: pairctl is-active
                  switchover: pairctl switchover
                  in_sync: pairctl in-sync
                  install: pairctl install --no-reboot
                  uninstall: pairctl uninstall --no-reboot
                  reboot: pairctl reboot
                  verify: pairctl verify
                  pending: pairctl pending
                members:
                  - { name: ap-billing-1, ip: {{net.Address(5)}}, state: active }
                  - { name: ap-billing-2, ip: {{net.Address(6)}}, state: passive }

            """)
            .ToString();
    }

    /// <summary>
    /// Writes the package and a cdt.conf for <see cref="Procedures"/> into the fleet's folder: one
    /// batch, the simulated durations waited out then polled every 20 simulated seconds, cdt's own
    /// time-outs unscaled.
    /// </summary>
    public static async Task<string> WriteProceduresConfigAsync(SshdFleet fleet)
    {
        await File.WriteAllTextAsync(Path.Combine(fleet.Folder, PackageFile), "package bytes");
        var config = Path.Combine(fleet.Folder, "cdt.conf");
        await File.WriteAllTextAsync(config, fleet.Config($"""
            package:
              path: {PackageFile}
              name: {PackageName}
              versions: [R81.20]
            generate:
              batch_policy: single
            execute:
              max_parallel: 10
              expected_reboot: 30s
              poll_interval: 20s
            {UnscaledTimeouts.Execute(fleet.Time.Scale)}
            {UnscaledTimeouts.Procedures(fleet.Time.Scale)}
            """));
        return config;
    }
}
