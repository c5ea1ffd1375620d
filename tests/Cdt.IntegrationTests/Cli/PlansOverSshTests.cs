using Cdt.GatewayEmulator.Sshd;
using Cdt.IntegrationTests.Support;
using Cdt.Simulation;
using Cdt.Tests.Support;
using NUnit.Framework;
using Shouldly;

namespace Cdt.IntegrationTests.Cli;

/// <summary>
/// Advanced mode over real OpenSSH against the gateway emulator: <c>cdt prepare --plan
/// --extended</c>, then <c>cdt execute --plan</c> on four standalone gateways whose check script
/// exits 0, 222 (reboot, then go on), 1 (the target stops) and 0, and on a ClusterXL HA pair (the
/// plan on the standby, failover, the plan on the former active). The plan has a non-critical
/// command retried twice and a non-critical wait that times out.
/// </summary>
public class PlansOverSshTests
{
    private const double Scale = 60;
    private const string ScriptRun = "bash /var/log/cdt/scripts/check.sh --fast";
    private const string Motd = "Maintenance tonight, 02:00-05:00\n";
    private const string Retried = "test -f /etc/no-such-file";

    private const string Plan = $"""
        name: ssh-night
        actions:
          - action: create_snapshot
            name: before
          - action: execute_script
            path: check.sh
            arguments: [--fast]
          - action: execute_command
            command: {Retried}
            critical: false
            retries: 2
          - action: install_package
            path: {TestFleets.PackageFile}
            name: {TestFleets.PackageName}
          - action: wait_for
            command: cpwd_admin list
            output: NO-SUCH-PROCESS
            timeout: 2m
            critical: false
          - action: push_file
            local: motd.txt
            remote: /etc/motd
          - action: pull_file
            remote: /etc/motd
          - action: pull_file
            remote: /var/log/messages
          - action: log
            message: night done
        """;

    private SshdFleet _fleet = null!;
    private CliRunner.Outcome _prepare = null!;
    private CliRunner.Outcome _execute = null!;
    private SimWorld _world = null!;
    private string[] _results = null!;

    [OneTimeSetUp]
    public async Task PrepareThenExecuteOnce()
    {
        var net = LoopbackNet.Pick();
        const string sim = "install: 2m, reboot: 1m";
        _fleet = await SshdFleet.StartAsync(net, $$"""
            packages:
              - { file: {{TestFleets.PackageFile}}, name: {{TestFleets.PackageName}} }
            gateways:
              - { name: gw-01, ip: {{net.Address(1)}}, version: R81.20, simulation: { {{sim}} } }
              - { name: gw-02, ip: {{net.Address(2)}}, version: R81.20, simulation: { {{sim}}, scripts: { check.sh: 222 } } }
              - { name: gw-03, ip: {{net.Address(3)}}, version: R81.20, simulation: { {{sim}}, scripts: { check.sh: 1 } } }
              - { name: gw-04, ip: {{net.Address(4)}}, version: R81.20, simulation: { {{sim}} } }
            clusters:
              - name: cl-a
                type: clusterxl-ha
                version: R81.20
                simulation: { {{sim}} }
                members:
                  - { name: cl-a-m1, ip: {{net.Address(5)}}, state: active }
                  - { name: cl-a-m2, ip: {{net.Address(6)}}, state: standby }
            """, Scale);
        await File.WriteAllTextAsync(Path.Combine(_fleet.Folder, TestFleets.PackageFile), "package bytes");
        await File.WriteAllTextAsync(Path.Combine(_fleet.Folder, "check.sh"), "#!/bin/bash\nexit 0\n");
        await File.WriteAllTextAsync(Path.Combine(_fleet.Folder, "motd.txt"), Motd);
        await File.WriteAllTextAsync(Path.Combine(_fleet.Folder, "plan.yml"), Plan);
        var config = Path.Combine(_fleet.Folder, "cdt.conf");
        await File.WriteAllTextAsync(config, _fleet.Config($"""
            generate:
              batch_policy: single
            execute:
              max_parallel: 10
              expected_reboot: 30s
              poll_interval: 20s
            {UnscaledTimeouts.Execute(Scale)}
            """));

        var generate = await CliRunner.RunAsync(_fleet.Folder, null, null, false, _fleet.Time, "generate", "--config", config, "--plan", "plan.yml", "--candidates", "list.csv");
        generate.ExitCode.ShouldBe(0, generate.Out + generate.Error);
        _prepare = await CliRunner.RunAsync(_fleet.Folder, null, null, false, _fleet.Time, "prepare", "--config", config, "--plan", "plan.yml", "--extended", "list.csv");
        _execute = await CliRunner.RunAsync(_fleet.Folder, null, null, false, _fleet.Time, "execute", "--config", config, "--plan", "plan.yml", "list.csv");
        _world = await _fleet.WorldAsync();
        _results = File.ReadAllLines(PathAfter(_execute, "results: "));
    }

    [OneTimeTearDown]
    public async Task StopFleet() => await _fleet.DisposeAsync();

    private static string PathAfter(CliRunner.Outcome run, string prefix) =>
        run.Out.Split('\n').Single(l => l.StartsWith(prefix, StringComparison.Ordinal))[prefix.Length..].Trim();

    private string Result(string name) => _results.Single(l => l.StartsWith(name + ",", StringComparison.Ordinal));

    private List<string> Commands(string gateway) =>
        _world.CommandLog.Where(c => c.StartsWith(gateway + ": ", StringComparison.Ordinal)).Select(c => c[(gateway.Length + 2)..]).ToList();

    [Test]
    public void ScriptExitZeroAndTwoTwoTwoGoOnAndExitOneStopsOnlyThatTarget()
    {
        _execute.Out.ShouldStartWith("5 succeeded, 1 failed, 0 not started", customMessage: string.Join("\n", [_execute.Out, _execute.Error, .. _results, _prepare.Out, _prepare.Error]));
        _execute.ExitCode.ShouldBe(1);
        Result("gw-03").ShouldContain("check.sh exited 1");
        foreach (var name in new[] { "gw-01", "gw-02", "gw-04", "cl-a-m1", "cl-a-m2" })
        {
            _world.Gateways[name].InstallCount[TestFleets.PackageName].ShouldBe(1, name);
            _world.Gateways[name].Snapshots.ShouldBe(["before"], name);
        }

        _world.Gateways["gw-03"].InstallCount.ShouldBeEmpty();
        _world.Gateways["gw-02"].Reboots.ShouldBe(2, "exit 222 in prepare (execute does not run the pre-script again), then the install");
        _world.Gateways["gw-01"].Reboots.ShouldBe(1, "the install only");
    }

    [Test]
    public void PreparationsRanThePreScriptOnceAndExecuteDidNotRunItAgain()
    {
        _prepare.ExitCode.ShouldBe(1, _prepare.Out + _prepare.Error);
        _prepare.Out.ShouldStartWith("5 succeeded, 1 failed", customMessage: _prepare.Out + _prepare.Error);
        Commands("gw-01").Count(c => c.StartsWith(ScriptRun, StringComparison.Ordinal)).ShouldBe(1);
        Commands("gw-04").Count(c => c.StartsWith(ScriptRun, StringComparison.Ordinal)).ShouldBe(1);
        Commands("gw-03").Count(c => c.StartsWith(ScriptRun, StringComparison.Ordinal)).ShouldBe(2, "it failed in prepare, so execute ran it again");
        _world.Gateways["gw-01"].Imported.ShouldContain(TestFleets.PackageName);
    }

    [Test]
    public void ANonCriticalCommandIsRetriedThenNotedAndANonCriticalWaitTimesOutWithoutStoppingTheTargetAndFilesGoBothWays()
    {
        Commands("gw-01").Count(c => c == Retried).ShouldBe(3, "the first try and two retries");
        var gw01 = Result("gw-01");
        gw01.ShouldContain("execute_command#3 (not critical)");
        gw01.ShouldContain("wait_for#5 (not critical)");
        var folder = Path.Combine(PathAfter(_execute, "logs: "), "gw-01");
        File.ReadAllText(Path.Combine(folder, "motd")).ShouldBe(Motd, "pushed, then pulled back into the run folder");
        File.ReadAllText(Path.Combine(folder, "messages")).ShouldBe("simulated /var/log/messages of gw-01\n");
    }

    [Test]
    public void OnTheClusterThePlanRunsOnTheStandbyThenFailsOverThenRunsOnTheFormerActive()
    {
        var log = _world.CommandLog;
        var standbyInstall = log.FindIndex(c => c.StartsWith("cl-a-m2:", StringComparison.Ordinal) && c.Contains("installer install", StringComparison.Ordinal));
        var failover = log.FindIndex(c => c == "cl-a-m1: clusterXL_admin down");
        var activeInstall = log.FindIndex(c => c.StartsWith("cl-a-m1:", StringComparison.Ordinal) && c.Contains("installer install", StringComparison.Ordinal));
        standbyInstall.ShouldBeGreaterThanOrEqualTo(0, string.Join("\n", log));
        failover.ShouldBeGreaterThan(standbyInstall);
        activeInstall.ShouldBeGreaterThan(failover);
        _world.Violations.ShouldBeEmpty();
        _world.RefusedCommands.ShouldBeEmpty();
    }
}
