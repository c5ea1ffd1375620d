namespace Cdt.Tests.Support;

/// <summary>A folder with cdt.conf and a fleet holding every kind of unit issue 6 installs, for CLI tests.</summary>
public static class ProcedureFleetFolder
{
    public const string Fleet = """
        packages:
          - file: Check_Point_R81_20_JUMBO_HF_MAIN_Bundle_T92_FULL.tgz
            name: R81.20 Jumbo Hotfix Accumulator General Availability (Take 92)
        gateways:
          - { name: gw-1, ip: 10.1.1.1, version: R81.20 }
          - { name: gw-2, ip: 10.1.1.2, version: R81.20 }
          - { name: gw-3, ip: 10.1.1.3, version: R81.20 }
        clusters:
          - name: ap-billing
            type: active-passive
            version: R81.20
            commands: { active: pairctl is-active, switchover: pairctl switchover, in_sync: pairctl in-sync, install: pairctl install --no-reboot, uninstall: pairctl uninstall --no-reboot, reboot: pairctl reboot, verify: pairctl verify }
            members:
              - { name: ap-billing-1, ip: 10.5.1.1, state: active }
              - { name: ap-billing-2, ip: 10.5.1.2, state: passive }
        security_groups:
          - { name: sg-lyon, platform: maestro, ip: 10.4.1.1, version: R81.20, members: [1_1, 1_2, 1_3, 1_4, 1_5] }
          - { name: sg-geneva, platform: elasticxl, ip: 10.4.2.1, version: R81.20, members: [1_1, 1_2, 1_3, 2_1, 2_2, 2_3] }
          - { name: sg-oslo, platform: maestro, ip: 10.4.3.1, version: R81.20, groups: 3, members: [1_1, 1_2, 1_3, 1_4, 1_5, 1_6, 1_7] }
          - { name: sg-madrid, platform: dual-chassis, ip: 10.4.4.1, version: R81.20, members: [1_1, 1_2, 2_1, 2_2] }
        """;

    public static TempFolder Create(int batchSize = 3, int groups = 2)
    {
        var folder = new TempFolder();
        folder.Write("fleet.yml", Fleet);
        folder.Write("Check_Point_R81_20_JUMBO_HF_MAIN_Bundle_T92_FULL.tgz", "package");
        folder.Write("cdt.conf", $"""
            inventory: fleet.yml
            transport: simulator
            package:
              path: Check_Point_R81_20_JUMBO_HF_MAIN_Bundle_T92_FULL.tgz
              name: R81.20 Jumbo Hotfix Accumulator General Availability (Take 92)
              versions: [R81.20]
            generate:
              probe: false
              batch_policy: fixed
              batch_size: {batchSize}
            security_groups:
              groups: {groups}
            execute:
              logs_dir: logs
            """);
        return folder;
    }
}
