using Cdt.Diagnostics;
using Cdt.Formats;
using Cdt.Yaml;
using Cdt.Fleet;
using NUnit.Framework;
using Shouldly;

namespace Cdt.Tests.Fleet;

public class ProcedureInventoryTests
{
    private static string Problems(string yaml) =>
        string.Join("\n", Should.Throw<CdtInputException>(() => InventoryLoader.LoadText("fleet.yml", yaml)).ToDisplayLines());

    [Test]
    public void APairReadsItsCommandsAndRounds()
    {
        var inventory = InventoryLoader.LoadText("fleet.yml", """
            clusters:
              - name: ap
                type: active-passive
                version: R81.20
                max_rounds: 4
                commands: { active: "ha-status --is-active", switchover: ha-switch, verify: "wu verify && echo ok" }
                members:
                  - { name: ap-1, ip: 10.5.1.1, state: active }
                  - { name: ap-2, ip: 10.5.1.2, state: passive }
            """);

        var pair = inventory.FindCluster("ap")!;
        pair.MaxRounds.ShouldBe(4);
        pair.Commands!.Active.ShouldBe("ha-status --is-active");
        pair.Commands.Verify.ShouldBe("wu verify && echo ok");
        pair.Commands.Missing(uninstall: false).ShouldBe(["in_sync", "install", "reboot"]);
    }

    [Test]
    public void ACommandOnSeveralLinesIsRefusedWithoutRepeatingIt()
    {
        var problems = Problems("""
            clusters:
              - name: ap
                type: active-passive
                version: R81.20
                commands:
                  install: "wu install --password s3cret\nreboot"
                members:
                  - { name: ap-1, ip: 10.5.1.1 }
                  - { name: ap-2, ip: 10.5.1.2 }
            """);

        problems.ShouldContain("fleet.yml:6:");
        problems.ShouldContain("command 'install' spans several lines");
        problems.ShouldNotContain("s3cret");
    }

    [Test]
    public void APairHasExactlyTwoNodes() =>
        Problems("""
            clusters:
              - name: ap
                type: active-passive
                version: R81.20
                members:
                  - { name: ap-1, ip: 10.5.1.1 }
                  - { name: ap-2, ip: 10.5.1.2 }
                  - { name: ap-3, ip: 10.5.1.3 }
            """).ShouldContain("needs exactly 2 members, found 3");

    [Test]
    public void CommandsBelongToPairsOnly() =>
        Problems("""
            clusters:
              - name: cl
                type: clusterxl-ha
                version: R81.20
                commands: { active: x }
                members:
                  - { name: m1, ip: 10.5.1.1 }
                  - { name: m2, ip: 10.5.1.2 }
            """).ShouldContain("belong to clusters of type active-passive only");

    [Test]
    public void ASecurityGroupMayAskForMoreLogicalGroups() =>
        InventoryLoader.LoadText("fleet.yml", "security_groups:\n  - { name: sg, platform: maestro, ip: 10.0.0.1, version: R81.20, groups: 3, members: [1_1, 1_2, 1_3] }\n")
            .FindCluster("sg")!.LogicalGroups.ShouldBe(3);

    [TestCase("groups: 1", "'groups'")]
    [TestCase("groups: 27", "'groups'")]
    public void LogicalGroupsOutsideTwoToTwentySixAreRefused(string setting, string expected) =>
        Problems($"security_groups:\n  - {{ name: sg, platform: maestro, ip: 10.0.0.1, version: R81.20, {setting}, members: [1_1, 1_2, 1_3] }}\n").ShouldContain(expected);

    [Test]
    public void ADualChassisInstallsByChassisNotByGroups() =>
        Problems("security_groups:\n  - { name: sg, platform: dual-chassis, ip: 10.0.0.1, version: R81.20, groups: 3, members: [1_1, 2_1] }\n")
            .ShouldContain("installed one chassis at a time");

    [Test]
    public void ADualChassisNeedsBothChassis() =>
        Problems("security_groups:\n  - { name: sg, platform: dual-chassis, ip: 10.0.0.1, version: R81.20, members: [1_1, 1_2] }\n")
            .ShouldContain("needs members on chassis 1 and chassis 2");

    [Test]
    public void MembersReachedOneByOneCarryTheirOwnSshEndpoint()
    {
        var inventory = InventoryLoader.LoadText("fleet.yml", """
            security_groups:
              - name: sg
                platform: maestro
                ip: 10.0.0.1
                version: R81.20
                ssh: { user: admin, port: 2222 }
                members: [1_1, { id: 1_2, ssh: { host: sg-member-2 } }]
            """);

        inventory.Find("sg-1_1")!.Ssh.ShouldBe(new SshEndpoint { User = "admin", Port = 2222 });
        inventory.Find("sg-1_2")!.Ssh.ShouldBe(new SshEndpoint { Host = "sg-member-2", User = "admin", Port = 2222 });
        inventory.Find("sg-1_2")!.Ip.ShouldBe("10.0.0.1");
    }

    [Test]
    public void AMemberEntryWithAnUnknownKeyIsRefused() =>
        Problems("security_groups:\n  - { name: sg, platform: maestro, ip: 10.0.0.1, version: R81.20, members: [1_1, { id: 1_2, host: x }] }\n")
            .ShouldContain("unknown setting 'host' in a Security Group member");
}
