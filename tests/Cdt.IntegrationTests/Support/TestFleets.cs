using System.Text;
using Cdt.GatewayEmulator.Sshd;

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
        var sb = new StringBuilder();
        sb.Append($"packages:\n  - {{ file: {PackageFile}, name: {PackageName} }}\n");
        sb.Append("gateways:\n");
        for (var i = 1; i <= 16; i++)
        {
                  var extra = i switch
            {
                13 => ", shell: auto",
                14 => ", shell: clish",
                15 => $", installed: [{PackageName}]",
                _ => string.Empty,
            };
            sb.Append($"  - {{ name: gw-{i:00}, ip: {net.Address(i)}, version: {(i is 12 or 16 ? "R80.40" : "R81.20")}{extra}, simulation: {simulation} }}\n");
        }

        sb.Append("clusters:\n");
        Cluster(sb, "cl-a", "clusterxl-ha", simulation, (net.Address(17), "active"), (net.Address(18), "standby"));
        Cluster(sb, "cl-b", "clusterxl-ha", simulation, (net.Address(19), "standby"), (net.Address(20), "active"), (net.Address(21), "standby"));
        Cluster(sb, "cl-v", "vrrp", simulation, (net.Address(22), "master"), (net.Address(23), "backup"));
        return sb.ToString();
    }

    /// <summary>
    /// One Maestro Security Group of 4 members, each reached on its own address (1 to 4; the emulator
    /// tells gateways apart by the address dialled; the Security Group's own address 7 is never dialled),
    /// and one active/passive pair driven by <c>pairctl</c> in 2 update rounds, in sync 30s after a reboot (addresses 5 and 6).
    /// <paramref name="simulation"/> is the inside of both <c>simulation</c> mappings.
    /// </summary>
    public static string Procedures(LoopbackNet net, string simulation = "install: 1m, reboot: 30s")
    {
        var sb = new StringBuilder();
        sb.Append($"packages:\n  - {{ file: {PackageFile}, name: {PackageName} }}\n");
        sb.Append($"security_groups:\n  - name: sg-lyon\n    platform: maestro\n    ip: {net.Address(7)}\n    version: R81.20\n    simulation: {{ {simulation} }}\n    members:\n");
        for (var i = 1; i <= 4; i++)
        {
            sb.Append($"      - {{ id: 1_{i}, ssh: {{ host: {net.Address(i)} }} }}\n");
        }

        sb.Append($$"""
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

            """);
        return sb.ToString();
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

    private static void Cluster(StringBuilder sb, string name, string type, string simulation, params (string Ip, string State)[] members)
    {
        sb.Append($"  - name: {name}\n    type: {type}\n    version: R81.20\n    simulation: {simulation}\n    members:\n");
        for (var i = 0; i < members.Length; i++)
        {
            sb.Append($"      - {{ name: {name}-m{i + 1}, ip: {members[i].Ip}, state: {members[i].State} }}\n");
        }
    }
}
