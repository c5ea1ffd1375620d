namespace Cdt.Tests.Execution;

/// <summary>Inventories of the procedure tests: one Security Group, dual chassis or pair each.</summary>
public static class ProcedureFleets
{
    public const string Maestro = """
        security_groups:
          - { name: sg-lyon, platform: maestro, ip: 10.4.1.1, version: R81.20, members: [1_1, 1_2, 1_3, 1_4] }
        """;

    public const string ElasticXlDualSite = """
        security_groups:
          - { name: sg-geneva, platform: elasticxl, ip: 10.4.2.1, version: R81.20, members: [1_1, 1_2, 1_3, 2_1, 2_2, 2_3] }
        """;

    public const string MaestroVsNext = """
        security_groups:
          - { name: sg-paris, platform: maestro, ip: 10.4.3.1, version: R81.20, mode: vsnext, members: [1_1, 1_2, 1_3, 1_4, 1_5] }
        """;

    public const string DualChassis = """
        security_groups:
          - { name: sg-madrid, platform: dual-chassis, ip: 10.4.4.1, version: R81.20, members: [1_1, 1_2, 2_1, 2_2] }
        """;

    public const string Pair = """
        clusters:
          - name: ap-billing
            type: active-passive
            version: R81.20
            simulation: { update_rounds: 2 }
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
              - { name: ap-billing-1, ip: 10.5.1.1, state: active }
              - { name: ap-billing-2, ip: 10.5.1.2, state: passive }
        """;

    /// <summary>The same Security Group with the package already installed on every member (for --uninstall).</summary>
    public static string Installed(string fleet) =>
        fleet.Replace("version: R81.20,", "version: R81.20, installed: [\"" + Support.ProcedureHarness.PackageName + "\"],", StringComparison.Ordinal);
}
