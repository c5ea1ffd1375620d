using Cdt.Fleet;
using Cdt.Tests.Support;
using NUnit.Framework;
using Shouldly;

namespace Cdt.Tests.Execution;

/// <summary><c>shell: auto</c>: every command of a run, the choreography's included, is built for the shell the gateway answers with.</summary>
public class AutoShellTests
{
    [Test]
    public void AnAutoGatewayThatLogsInToExpertHasItsSentPackageChecked()
    {
        using var h = new EngineHarness("gateways:\n  - { name: gw-1, ip: 10.1.1.1, version: R81.20, shell: auto }\n");
        h.Generate();

        var outcome = h.Execute();

        outcome.Run.Succeeded.ShouldBe(1);
        h.World.CommandLog.Count(c => c == "gw-1: show version product").ShouldBe(1, "the shell is asked once per run");
        h.World.CommandLog.Count(c => c.StartsWith("gw-1: md5sum", StringComparison.Ordinal)).ShouldBe(2, string.Join("\n", h.World.CommandLog));
    }

    [Test]
    public void AnAutoClusterWhoseMembersLogInToClishFailsOverWithClishCommands()
    {
        using var h = new EngineHarness("""
            clusters:
              - name: cl-a
                type: clusterxl-ha
                version: R81.20
                members:
                  - { name: cl-a-m1, ip: 10.2.1.1, state: active, shell: auto }
                  - { name: cl-a-m2, ip: 10.2.1.2, state: standby, shell: auto }
            """);
        foreach (var g in h.World.Gateways.Values)
        {
            g.Shell = LoginShell.Clish;
        }

        h.Generate();

        var outcome = h.Execute();

        outcome.Run.Succeeded.ShouldBe(2, string.Join("\n", h.World.CommandLog));
        h.Installs().ShouldBe(["cl-a-m2", "cl-a-m1"]);
        h.World.CommandLog.ShouldContain("cl-a-m1: set cluster member admin down");
        h.World.CommandLog.ShouldContain("cl-a-m1: set cluster member admin up");
        h.World.CommandLog.ShouldNotContain(c => c.Contains("clusterXL_admin", StringComparison.Ordinal) || c.Contains("clish -c", StringComparison.Ordinal));
        h.World.RefusedCommands.ShouldBeEmpty();
        h.World.Violations.ShouldBeEmpty();
    }
}
