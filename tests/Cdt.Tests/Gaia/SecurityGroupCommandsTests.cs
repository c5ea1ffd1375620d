using Cdt.Fleet;
using Cdt.Gaia;
using Cdt.Transport;
using NUnit.Framework;
using Shouldly;

namespace Cdt.Tests.Gaia;

public class SecurityGroupCommandsTests
{
    private static readonly Target Smo = new() { Name = "sg-1_3", Host = "10.0.0.1" };
    private static readonly Target Vs0 = Smo with { Vsx = true };

    private static readonly SecurityGroupMember[] All =
    [
        new("sg-1_1", 1, 1), new("sg-1_2", 1, 2), new("sg-1_3", 1, 3), new("sg-1_4", 1, 4),
    ];

    private static readonly SecurityGroupMember[] GroupA = [All[0], All[1]];

    [Test]
    public void MaestroTakesMembersDownWithGClusterXlAdmin() =>
        SecurityGroupCommands.MembersAdmin(Smo, ClusterKind.MaestroSecurityGroup, GroupA, All, up: false).ShouldBe("g_clusterXL_admin -b 1_1,1_2 down");

    [Test]
    public void ElasticXlTakesMembersDownWithMembersAdminStateAndTwoDigitIds() =>
        SecurityGroupCommands.MembersAdmin(Smo, ClusterKind.ElasticXlSecurityGroup, GroupA, All, up: true).ShouldBe("gclish -c 'set cluster members-admin-state ids 1_01,1_02 up'");

    [Test]
    public void AChassisGoesDownAsAWhole() =>
        SecurityGroupCommands.ChassisAdmin(Smo, 2, up: false).ShouldBe("g_clusterXL_admin -b chassis2 down");

    [Test]
    public void AutoCloneCommandsDifferBetweenMaestroAndElasticXl()
    {
        SecurityGroupCommands.ShowAutoClone(Smo, ClusterKind.MaestroSecurityGroup).ShouldBe("gclish -c 'show smo image auto-clone state'");
        SecurityGroupCommands.SetAutoClone(Smo, ClusterKind.DualChassis, on: false).ShouldBe("gclish -c 'set smo image auto-clone state off'");
        SecurityGroupCommands.ShowAutoClone(Smo, ClusterKind.ElasticXlSecurityGroup).ShouldBe("gclish -c 'show cluster configuration image auto-clone state'");
        SecurityGroupCommands.SetAutoClone(Smo, ClusterKind.ElasticXlSecurityGroup, on: true).ShouldBe("gclish -c 'set cluster configuration image auto-clone state on'");
    }

    [Test]
    public void AGroupInstallNamesOnlyThatGroupsMembers() =>
        SecurityGroupCommands.GroupInstall(Smo, ClusterKind.MaestroSecurityGroup, "R81.20 Jumbo Hotfix Accumulator (Take 92)", GroupA, All, uninstall: false)
            .ShouldBe("gclish -c 'installer install \"R81.20 Jumbo Hotfix Accumulator (Take 92)\" member_ids 1_1,1_2 not-interactive'");

    [Test]
    public void AGroupUninstallIsTheSameCommandWithUninstall() =>
        SecurityGroupCommands.GroupInstall(Smo, ClusterKind.ElasticXlSecurityGroup, "Hotfix_T92", [All[3]], All, uninstall: true)
            .ShouldBe("gclish -c 'installer uninstall Hotfix_T92 member_ids 1_04 not-interactive'");

    [Test]
    public void InVsxAndVsNextModesEveryCommandRunsInTheContextOfVs0()
    {
        string[] lines =
        [
            SecurityGroupCommands.AsgStat(Vs0),
            SecurityGroupCommands.MembersAdmin(Vs0, ClusterKind.MaestroSecurityGroup, GroupA, All, up: false),
            SecurityGroupCommands.SetAutoClone(Vs0, ClusterKind.MaestroSecurityGroup, on: false),
            SecurityGroupCommands.GroupInstall(Vs0, ClusterKind.MaestroSecurityGroup, "Hotfix_T92", GroupA, All, uninstall: false),
        ];

        lines.ShouldAllBe(l => l.StartsWith("vsenv 0", StringComparison.Ordinal));
        lines[0].ShouldEndWith("&& asg stat");
    }

    [Test]
    public void NamingEveryMemberAtOnceIsRefusedBecauseItIsMemberIdsAll()
    {
        Should.Throw<InvalidOperationException>(() => SecurityGroupCommands.GroupInstall(Smo, ClusterKind.MaestroSecurityGroup, "Hotfix_T92", All, All, uninstall: false))
            .Message.ShouldContain("member_ids all");
        Should.Throw<InvalidOperationException>(() => SecurityGroupCommands.MembersAdmin(Smo, ClusterKind.MaestroSecurityGroup, All.Reverse().ToArray(), All, up: false));
    }

    [Test]
    public void AnEmptyGroupIsRefused() =>
        Should.Throw<InvalidOperationException>(() => SecurityGroupCommands.GroupInstall(Smo, ClusterKind.MaestroSecurityGroup, "Hotfix_T92", [], All, uninstall: false));

    [Test]
    public void APackageNameWithShellSyntaxNeverReachesACommandLine() =>
        Should.Throw<UnsafeValueException>(() => SecurityGroupCommands.GroupInstall(Smo, ClusterKind.MaestroSecurityGroup, "x'; reboot; '", GroupA, All, uninstall: false));
}
