using Cdt.Tests.Support;
using NUnit.Framework;
using Shouldly;

namespace Cdt.Tests.Fleet;

/// <summary>The one builder of test fleets: its layout is exact, since fixtures edit its text by match.</summary>
public sealed class FleetBuilderTests
{
    [Test]
    public void SectionsComeInTheirOrderWithOneLineGatewaysAndMembers()
    {
        var yaml = new FleetBuilder()
            .Section("notes: hand-written\n")
            .Cluster("cl", "vrrp", "R81.20", [new("10.0.0.3", "master"), new("10.0.0.4", "backup", "cl-b")], "{ install: 1m }")
            .Gateway("gw", "10.0.0.1", "R81.20", "shell: clish")
            .SecurityGroup("sg", "maestro", "10.0.0.2", "R81.20", ["1_1", "1_2"], "mode: vsnext")
            .Package("p.tgz", "P")
            .ToString();

        yaml.ShouldBe("""
            packages:
              - { file: p.tgz, name: P }
            gateways:
              - { name: gw, ip: 10.0.0.1, version: R81.20, shell: clish }
            security_groups:
              - { name: sg, platform: maestro, ip: 10.0.0.2, version: R81.20, mode: vsnext, members: [1_1, 1_2] }
            clusters:
              - name: cl
                type: vrrp
                version: R81.20
                simulation: { install: 1m }
                members:
                  - { name: cl-m1, ip: 10.0.0.3, state: master }
                  - { name: cl-b, ip: 10.0.0.4, state: backup }
            notes: hand-written

            """);
    }

    [Test]
    public void AnEmptySectionIsLeftOut() =>
        new FleetBuilder().Gateway("gw", "10.0.0.1", "R81.20").ToString().ShouldBe("gateways:\n  - { name: gw, ip: 10.0.0.1, version: R81.20 }\n");
}
