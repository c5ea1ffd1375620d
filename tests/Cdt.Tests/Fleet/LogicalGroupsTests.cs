using Cdt.Fleet;
using NUnit.Framework;
using Shouldly;

namespace Cdt.Tests.Fleet;

public class LogicalGroupsTests
{
    private static List<SecurityGroupMember> Members(params string[] ids) =>
        ids.Select(id => SecurityGroupMember.ParseId(id)!.Value).Select(p => new SecurityGroupMember("sg-" + p.Site + "_" + p.Number, p.Site, p.Number)).ToList();

    private static string Split(IReadOnlyList<SecurityGroupMember> members, int groups = 2) =>
        string.Join(" | ", LogicalGroups.Split(members, groups).Select(g => g.Label + ": " + g.Ids));

    // The five example environments of seed 000, exactly as its table gives them.
    [Test]
    public void MaestroSingleSiteWithEightMembersSplitsOneToFourAndFiveToEight() =>
        Split(Members("1_1", "1_2", "1_3", "1_4", "1_5", "1_6", "1_7", "1_8")).ShouldBe("A: 1_1, 1_2, 1_3, 1_4 | B: 1_5, 1_6, 1_7, 1_8");

    [Test]
    public void MaestroSingleSiteWithFiveMembersSplitsOneToThreeAndFourToFive() =>
        Split(Members("1_1", "1_2", "1_3", "1_4", "1_5")).ShouldBe("A: 1_1, 1_2, 1_3 | B: 1_4, 1_5");

    [Test]
    public void MaestroDualSiteWithFourMembersPerSiteSplitsBySite() =>
        Split(Members("1_1", "1_2", "1_3", "1_4", "2_1", "2_2", "2_3", "2_4")).ShouldBe("A: 1_1, 1_2, 1_3, 1_4 | B: 2_1, 2_2, 2_3, 2_4");

    [Test]
    public void ElasticXlSingleSiteWithThreeMembersSplitsOneToTwoAndThree() =>
        Split(Members("1_1", "1_2", "1_3")).ShouldBe("A: 1_1, 1_2 | B: 1_3");

    [Test]
    public void ElasticXlDualSiteWithThreeMembersPerSiteSplitsBySite() =>
        Split(Members("1_1", "1_2", "1_3", "2_1", "2_2", "2_3")).ShouldBe("A: 1_1, 1_2, 1_3 | B: 2_1, 2_2, 2_3");

    [Test]
    public void MembersListedOutOfOrderAreSplitInSiteAndMemberOrder() =>
        Split(Members("2_2", "1_3", "2_1", "1_1", "1_2", "2_3")).ShouldBe("A: 1_1, 1_2, 1_3 | B: 2_1, 2_2, 2_3");

    [Test]
    public void MoreGroupsWhenConfiguredStayAsEqualAsPossible() =>
        Split(Members("1_1", "1_2", "1_3", "1_4", "1_5", "1_6", "1_7"), 3).ShouldBe("A: 1_1, 1_2, 1_3 | B: 1_4, 1_5 | C: 1_6, 1_7");

    [Test]
    public void MoreGroupsOnDualSiteAreSharedBetweenSitesAndNeverSpanOne() =>
        Split(Members("1_1", "1_2", "1_3", "1_4", "2_1", "2_2", "2_3"), 4).ShouldBe("A: 1_1, 1_2 | B: 1_3, 1_4 | C: 2_1, 2_2 | D: 2_3");

    [Test]
    public void NeverMoreGroupsThanMembers() =>
        Split(Members("1_1", "1_2"), 5).ShouldBe("A: 1_1 | B: 1_2");

    [Test]
    public void FewerThanTwoGroupsIsRefused() =>
        Should.Throw<ArgumentOutOfRangeException>(() => LogicalGroups.Split(Members("1_1", "1_2"), 1));

    [Test]
    public void ASecurityGroupsOwnSettingWinsOverTheConfiguredOne()
    {
        var cluster = new Cluster { Name = "sg", Kind = ClusterKind.MaestroSecurityGroup, Members = [], LogicalGroups = 3 };

        LogicalGroups.For(cluster, 2).ShouldBe(3);
        LogicalGroups.For(cluster with { LogicalGroups = null }, 2).ShouldBe(2);
    }
}
