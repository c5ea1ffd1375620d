using Cdt.Execution;
using Cdt.Plans.Steps;
using Cdt.Tests.Execution;
using Cdt.Tests.Support;
using NUnit.Framework;
using Shouldly;

namespace Cdt.Tests.Plans;

/// <summary>Retries, time-outs, resume of actions that must run once, and the CPUSE agent update.</summary>
public class PlanRetryTimeoutTests
{
    private const string Send = """
        actions:
          - action: send_package
            path: pkg_R81_20_T92.tgz
            retries: RETRIES
        """;

    [Test]
    public void AFailedActionIsTriedAgainAsOftenAsItsRetriesSay()
    {
        using var h = new PlanRunHarness(Fleets.Standalone(1, simulation: "{ transfer_failures: 1 }"));

        var outcome = h.Execute(h.Plan(Send.Replace("RETRIES", "1", StringComparison.Ordinal)));

        outcome.Run.Succeeded.ShouldBe(1);
        PlanRunHarness.Steps(outcome, "gw01").Single().ShouldStartWith("send_package#1 ok: sent, MD5 ");
        PlanRunHarness.Steps(outcome, "gw01").Single().ShouldEndWith(" (attempt 2 of 2)");
    }

    [Test]
    public void WithoutRetriesTheFirstFailureCounts()
    {
        using var h = new PlanRunHarness(Fleets.Standalone(1, simulation: "{ transfer_failures: 1 }"));

        var outcome = h.Execute(h.Plan(Send.Replace("RETRIES", "0", StringComparison.Ordinal)));

        outcome.Run.Failed.ShouldBe(1);
        PlanRunHarness.Finished(outcome, "gw01").Message.ShouldBe("send_package#1: sending the package: connection dropped: scp: Connection closed");
    }

    [Test]
    public void AllAttemptsFailingIsReportedWithTheirCount()
    {
        using var h = new PlanRunHarness(Fleets.Standalone(1, simulation: "{ transfer_failures: 5 }"));

        var outcome = h.Execute(h.Plan(Send.Replace("RETRIES", "2", StringComparison.Ordinal)));

        PlanRunHarness.Finished(outcome, "gw01").Message.ShouldBe("send_package#1: sending the package: connection dropped: scp: Connection closed (failed 3 attempts)");
    }

    [Test]
    public void AWaitThatNeverBecomesHealthyFailsAtItsTimeOut()
    {
        using var h = new PlanRunHarness(Fleets.Standalone(1));
        var started = h.Engine.Clock.GetUtcNow();
        var plan = h.Plan("""
            actions:
              - action: wait_for
                command: cpwd_admin list
                output: NEVER_THERE
                interval: 30s
                timeout: 2m
            """);

        var outcome = h.Execute(plan);

        PlanRunHarness.Finished(outcome, "gw01").Message.ShouldBe("wait_for#1: not healthy within 2m (4 check(s); last answer: exit 0: APP        PID    STAT  #START  START_TIME             MON  COMMAND)");
        (h.Engine.Clock.GetUtcNow() - started).ShouldBeLessThan(TimeSpan.FromMinutes(5));
    }

    [Test]
    public void AScriptLongerThanItsTimeOutFails()
    {
        using var h = new PlanRunHarness(Fleets.Standalone(1));
        var plan = h.Plan("""
            actions:
              - action: execute_script
                path: check.sh
                timeout: 5s
            """);

        var outcome = h.Execute(plan);

        outcome.Run.Failed.ShouldBe(1);
        PlanRunHarness.Finished(outcome, "gw01").Message!.ShouldContain("timed out");
    }

    [Test]
    public void AnInstallLongerThanItsTimeOutFailsAndIsNotRepeatedBlindly()
    {
        using var h = new PlanRunHarness(Fleets.Standalone(1, simulation: "{ install: 40m }"));
        var plan = h.Plan("""
            actions:
              - action: install_package
                path: pkg_R81_20_T92.tgz
                name: Hotfix T92
                timeout: 15m
            """);

        var outcome = h.Execute(plan);

        outcome.Run.Failed.ShouldBe(1);
        PlanRunHarness.Finished(outcome, "gw01").Message!.ShouldContain("15m");
        h.Engine.World.Gateways["gw01"].InstallCount.GetValueOrDefault("Hotfix T92").ShouldBeLessThanOrEqualTo(1);
    }

    [Test]
    public void OnResumeAScriptThatAlreadyRanIsNotRunAgain()
    {
        using var h = new PlanRunHarness(Fleets.Standalone(1));
        var plan = h.Plan("""
            actions:
              - action: execute_script
                path: check.sh
              - action: install_package
                path: pkg_R81_20_T92.tgz
                name: Hotfix T92
            """);
        h.Engine.Observers.Add(new KillAfter(e => e is { Event: RunEvents.StepFinished, Step: "execute_script#1" }));
        Should.Throw<OperationCanceledException>(() => h.Execute(plan));
        h.Engine.Observers.Clear();

        var resumed = h.Execute(plan, resume: true);

        resumed.Run.Succeeded.ShouldBe(1);
        PlanRunHarness.Steps(resumed, "gw01").ShouldContain("execute_script#1 skipped: done in an earlier attempt of this run");
        h.Commands("gw01").Count(c => c.StartsWith("bash ", StringComparison.Ordinal)).ShouldBe(1);
        h.Engine.World.Gateways["gw01"].InstallCount["Hotfix T92"].ShouldBe(1);
    }

    [Test]
    public void UpdateCpuseInstallsTheAgentOfCdtConfBeforeTheActions()
    {
        using var h = new PlanRunHarness(Fleets.Standalone(1));
        var agent = Path.Combine(h.Engine.Folder, "DeploymentAgent_000002474_1.tgz");
        File.WriteAllText(agent, "agent");
        h.AdvancedConfig = h.Advanced with { CpuseAgent = agent };
        var plan = h.Plan("update_cpuse: true\nactions:\n  - action: create_snapshot\n    name: s1\n");

        var outcome = h.Execute(plan);

        PlanRunHarness.Steps(outcome, "gw01").ShouldBe(["update_cpuse ok: CPUSE agent DeploymentAgent_000002474_1.tgz installed", "create_snapshot#1 ok: snapshot 's1' created"]);
        h.Commands("gw01").ShouldContain("clish -c 'lock database override'; clish -c 'installer agent install /var/log/upload/DeploymentAgent_000002474_1.tgz'");
    }

    [Test]
    public void UpdateCpuseWithoutAnAgentInCdtConfLeavesTheAgentAndSaysSo()
    {
        using var h = new PlanRunHarness(Fleets.Standalone(1));
        var plan = h.Plan("update_cpuse: true\nactions:\n  - action: create_snapshot\n    name: s1\n");

        var outcome = h.Execute(plan);

        PlanExecution.Warning(plan, h.Advanced).ShouldBe(plan.Path + " says update_cpuse: true, but cdt.conf names no cpuse_agent package: the CPUSE agent is left as it is on every target");
        PlanRunHarness.Steps(outcome, "gw01")[0].ShouldBe("update_cpuse skipped: cdt.conf names no cpuse_agent: the CPUSE agent is left as it is");
    }

    /// <summary>Stops the runner (as kill -9 would) right after a chosen event is journaled.</summary>
    private sealed class KillAfter(Func<RunEvent, bool> when) : IRunObserver
    {
        public void OnEvent(RunEvent e, RunState state)
        {
            if (when(e))
            {
                throw new OperationCanceledException("killed");
            }
        }

        public void OnDetail(string? target, string text)
        {
        }
    }
}
