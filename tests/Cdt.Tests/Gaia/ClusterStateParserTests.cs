using Cdt.Gaia;
using NUnit.Framework;
using Shouldly;

namespace Cdt.Tests.Gaia;

public class ClusterStateParserTests
{
    private const string R8140Layout = """
        Cluster Mode:   High Availability (Active Up) with IGMP Membership

        ID         Unique Address  Assigned Load   State          Name

        1          10.90.1.146     0%              STANDBY        fw6-2
        2 (local)  10.90.1.145     100%            ACTIVE         fw6-1


        Active PNOTEs: None

        Last member state change event:
           Event Code:                 CLUS-114904
           State change:               ACTIVE(!) -> ACTIVE
           Reason for state change:    Reason for ACTIVE! alert has been resolved
           Event time:                 Fri Mar 11 09:38:04 2022

        Last cluster failover event:
           Transition to new ACTIVE:   Member 1 -> Member 2
           Reason:                     Reboot
        """;

    [Test]
    public void ReadsTheR8140LayoutWithItsEventSections()
    {
        var state = ClusterStateParser.Parse(R8140Layout).Value!;

        state.Mode.ShouldBe("High Availability (Active Up) with IGMP Membership");
        state.Members.Select(m => (m.Id, m.State, m.Name)).ShouldBe([(1, "STANDBY", "fw6-2"), (2, "ACTIVE", "fw6-1")]);
        state.Local!.Name.ShouldBe("fw6-1");
        state.ProblemNotifications.ShouldBeEmpty();
        state.IsHealthy(out _).ShouldBeTrue();
    }

    [Test]
    public void ReadsTheOlderLayoutWithNumberAndTitleCaseStates()
    {
        const string output = """
            Cluster Mode:   Sync only (OPSEC) with IGMP Membership

            Number     Unique Address  Assigned Load   State

            1 (local)  192.168.1.1     100%            Active
            2          192.168.1.2     0%              Standby
            """;

        var state = ClusterStateParser.Parse(output).Value!;

        state.Members.Select(m => m.State).ShouldBe(["ACTIVE", "STANDBY"]);
        state.Members.ShouldAllBe(m => m.Name == null);
        state.Local!.Address.ShouldBe("192.168.1.1");
    }

    [Test]
    public void AnActiveWithAProblemIsNotHealthy()
    {
        var state = ClusterStateParser.Parse(R8140Layout.Replace("100%            ACTIVE   ", "100%            ACTIVE(!)", StringComparison.Ordinal)).Value!;

        state.Members[1].State.ShouldBe("ACTIVE(!)");
        state.Members[1].IsActive.ShouldBeTrue();
        state.IsHealthy(out var why).ShouldBeFalse();
        why.ShouldContain("ACTIVE(!)");
    }

    [TestCase("DOWN")]
    [TestCase("LOST")]
    [TestCase("READY")]
    public void AMemberThatIsNeitherActiveNorStandbyMakesTheClusterUnhealthy(string state)
    {
        var output = R8140Layout.Replace("0%              STANDBY", "0%              " + state.PadRight(7), StringComparison.Ordinal);

        var parsed = ClusterStateParser.Parse(output).Value!;

        parsed.Members[0].State.ShouldBe(state);
        parsed.IsHealthy(out var why).ShouldBeFalse();
        why.ShouldContain($"is {state}, expected STANDBY");
    }

    [Test]
    public void ProblemNotificationsListedUnderTheirHeadingAreRead()
    {
        var withList = """
            Cluster Mode:   High Availability (Active Up) with IGMP Membership

            ID         Unique Address  Assigned Load   State          Name

            1 (local)  10.2.0.1        100%            ACTIVE         cl-a-m1
            2          10.2.0.2        0%              STANDBY        cl-a-m2

            Active PNOTEs:
            Device Name                Registration number  Timeout  Current state
            Interface Active Check     2                    none     problem
            routed                     5                    none     problem

            Last member state change event:
            """;

        var state = ClusterStateParser.Parse(withList).Value!;

        state.ProblemNotifications.ShouldBe(["Interface Active Check", "routed"]);
        state.IsHealthy(out var why).ShouldBeFalse();
        why.ShouldContain("Interface Active Check");
    }

    [Test]
    public void PnotesOnTheSameLineAreRead()
    {
        var state = ClusterStateParser.Parse(R8140Layout.Replace("Active PNOTEs: None", "Active PNOTEs: LPRB, IAC", StringComparison.Ordinal)).Value!;

        state.ProblemNotifications.ShouldBe(["LPRB", "IAC"]);
    }

    [Test]
    public void AVsenvContextLineBeforeTheTableIsIgnored()
    {
        var state = ClusterStateParser.Parse("Context is set to Virtual Device cl-zurich-m1_0 (ID 0).\n" + R8140Layout);

        state.Ok.ShouldBeTrue();
        state.Value!.Members.Count.ShouldBe(2);
    }

    [Test]
    public void HaModuleNotStartedSaysSo()
    {
        var parsed = ClusterStateParser.Parse("HA module not started.\n");

        parsed.Ok.ShouldBeFalse();
        parsed.Error!.ShouldContain("ClusterXL is not running");
    }

    [TestCase("")]
    [TestCase("\u001b[?1034h#$%&*! Segmentation fault (core dumped)\n@@@\n")]
    [TestCase("Cluster Mode:   High Availability (Active Up)\n\nID  Unique Address\n")]
    public void OutputWithoutAModeAndAMemberTableIsAClearError(string output)
    {
        var parsed = ClusterStateParser.Parse(output);

        parsed.Ok.ShouldBeFalse();
        parsed.Error.ShouldStartWith("unexpected output from 'cphaprob state'");
    }

    [Test]
    public void AGarbledMemberLineIsAClearErrorNamingTheLine()
    {
        var output = R8140Layout.Replace("1          10.90.1.146     0%              STANDBY        fw6-2", "1  @@@ garbage", StringComparison.Ordinal);

        var parsed = ClusterStateParser.Parse(output);

        parsed.Ok.ShouldBeFalse();
        parsed.Error.ShouldBe("unexpected member line in 'cphaprob state': 1  @@@ garbage");
    }
}
