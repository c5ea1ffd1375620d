using Cdt.Tests.Support;

namespace Cdt.Tests.Execution;

/// <summary>Inventories of the procedure tests: one Security Group, dual chassis or pair each.</summary>
public static class ProcedureFleets
{
    public static readonly string Maestro = new FleetBuilder().SecurityGroup("sg-lyon", "maestro", "10.4.1.1", "R81.20", ["1_1", "1_2", "1_3", "1_4"]).ToString();

    public static readonly string ElasticXlDualSite = new FleetBuilder().SecurityGroup("sg-geneva", "elasticxl", "10.4.2.1", "R81.20", ["1_1", "1_2", "1_3", "2_1", "2_2", "2_3"]).ToString();

    public static readonly string MaestroVsNext = new FleetBuilder().SecurityGroup("sg-paris", "maestro", "10.4.3.1", "R81.20", ["1_1", "1_2", "1_3", "1_4", "1_5"], "mode: vsnext").ToString();

    public static readonly string DualChassis = new FleetBuilder().SecurityGroup("sg-madrid", "dual-chassis", "10.4.4.1", "R81.20", ["1_1", "1_2", "2_1", "2_2"]).ToString();

    /// <summary>A pair's commands and rounds: written out, as an admin would.</summary>
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
