using Cdt.Gaia;
using NUnit.Framework;
using Shouldly;

namespace Cdt.Tests.Gaia;

public class AsgStatParserTests
{
    // The chassis layout of the Security System admin guide (asg stat -v, top and bottom sections).
    private const string DualChassis = """
        -----------------------------------------------------------------------------
        | VSX System Status                                                         |
        -----------------------------------------------------------------------------
        | VS ID:  0                     VS Name:  Athens                            |
        -----------------------------------------------------------------------------
        | Chassis 1                     STANDBY                                     |
        -----------------------------------------------------------------------------
        | SGM ID         State          Process                   Policy Date       |
        | 1  (local)     UP             Enforcing Security        09Jan14 11:30     |
        | 2              UP             Enforcing Security        09Jan14 11:30     |
        | 3              DOWN           Inactive                  NA                |
        | 4              UP             Enforcing Security        09Jan14 11:30     |
        -----------------------------------------------------------------------------
        | Chassis 2                     ACTIVE                                      |
        -----------------------------------------------------------------------------
        | SGM ID         State          Process                   Policy Date       |
        | 1              UP             Enforcing Security        09Jan14 11:30     |
        | 2              UP             Enforcing Security        09Jan14 11:30     |
        | 3              UP             Enforcing Security        09Jan14 11:30     |
        | 4              DOWN (admin)   Inactive                  NA                |
        -----------------------------------------------------------------------------
        --------------------------------------------------------------------------------
        | Chassis Parameters                                                           |
        --------------------------------------------------------------------------------
        | Unit              Chassis 1         Chassis 2         Unit Weight            |
        |                                                                              |
        | SGMs              3 / 4             3 / 4             6                      |
        | Ports                                                                        |
        |   Standard        4 / 4             4 / 4             11                     |
        --------------------------------------------------------------------------------
        """;

    [Test]
    public void TheChassisLayoutGivesEverySgmWithItsChassisStateAndProcess()
    {
        var status = AsgStatParser.Parse(DualChassis).Value!;

        status.Sites.Select(s => s.Number + " " + s.State).ShouldBe(["1 STANDBY", "2 ACTIVE"]);
        status.Members.Select(m => m.Id + "=" + m.State).ShouldBe(["1_1=UP", "1_2=UP", "1_3=DOWN", "1_4=UP", "2_1=UP", "2_2=UP", "2_3=UP", "2_4=DOWN (admin)"]);
        status.Find(1, 1)!.Local.ShouldBeTrue();
        status.Find(1, 3)!.Process.ShouldBe("Inactive");
        status.Find(2, 4)!.IsAdminDown.ShouldBeTrue();
        status.Find(2, 4)!.IsUp.ShouldBeFalse();
        status.Site(2)!.IsActive.ShouldBeTrue();
    }

    [Test]
    public void MaestroSitesWithFullMemberIdsAreRead()
    {
        const string output = """
            | System Status - Maestro                              |
            | SGMs                 | 3 / 4 (!)                     |
            | Site 1                  ACTIVE                       |
            | Member ID      State          Process                |
            | 1_01 (local)   UP             Enforcing Security     |
            | 1_02           DOWN (admin)   Inactive               |
            | Site 2                  STANDBY                      |
            | Member ID      State          Process                |
            | 2_01           UP             Enforcing Security     |
            | 2_02           UP             Enforcing Security     |
            """;

        var status = AsgStatParser.Parse(output).Value!;

        status.Members.Select(m => m.Describe()).ShouldBe(["1_1: UP", "1_2: DOWN (admin) (Inactive)", "2_1: UP", "2_2: UP"]);
        status.Site(2)!.IsStandby.ShouldBeTrue();
    }

    [Test]
    public void WhatTheSimulatorPrintsReadsBack()
    {
        var fleet = Cdt.Fleet.InventoryLoader.LoadText("f.yml", """
            security_groups:
              - { name: sg, platform: elasticxl, ip: 10.0.0.1, version: R81.20, members: [1_1, 1_2, 2_1] }
            """);
        var world = Cdt.Simulation.SimWorld.FromInventory(fleet, DateTimeOffset.UnixEpoch);
        world.Gateways["sg-1_2"].AdminDown = true;

        var output = Cdt.Simulation.AsgStatOutput.Render(world, world.Clusters["sg"], world.Gateways["sg-1_1"], DateTimeOffset.UnixEpoch);
        var status = AsgStatParser.Parse(output).Value!;

        status.Members.Select(m => m.Describe()).ShouldBe(["1_1: UP", "1_2: DOWN (admin) (Inactive)", "2_1: UP"]);
        status.Sites.Select(s => s.State).ShouldBe(["ACTIVE", "STANDBY"]);
    }

    [TestCase("")]
    [TestCase("\u001b[?1034h#$%&*! Segmentation fault (core dumped)\n@@@\n")]
    [TestCase("bash: asg: command not found")]
    [TestCase("| Site 1   ACTIVE |\n| SGM ID   State   Process |\n")]
    [TestCase("| 1   UP   Enforcing Security |\n| 2   UP   Enforcing Security |")]
    public void OutputWithoutMemberRowsIsAFailureNotAnEmptyGroup(string output)
    {
        var parsed = AsgStatParser.Parse(output);

        parsed.Ok.ShouldBeFalse();
        parsed.Error!.ShouldStartWith("no Security Group Member rows");
    }

    [Test]
    public void AMemberListedTwiceIsAFailure()
    {
        var parsed = AsgStatParser.Parse("| SGM ID   State   Process |\n| 1   UP   Enforcing Security |\n| 1_1   DOWN   Inactive |\n");

        parsed.Ok.ShouldBeFalse();
        parsed.Error!.ShouldContain("lists member 1_1 twice");
    }

    [Test]
    public void TheBottomSectionIsNotMistakenForMembers() =>
        AsgStatParser.Parse(DualChassis).Value!.Members.Count.ShouldBe(8);
}
