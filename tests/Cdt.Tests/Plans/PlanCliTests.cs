using Cdt.Cli;
using Cdt.Tests.Support;
using NUnit.Framework;
using Shouldly;

namespace Cdt.Tests.Plans;

/// <summary>cdt execute --plan and cdt prepare from the command line, in both flag styles, on the simulator.</summary>
public class PlanCliTests
{
    private TempFolder _temp = null!;
    private ManualClock _clock = null!;

    [SetUp]
    public void SetUp()
    {
        _temp = new TempFolder(memory: true);
        _clock = ManualClock.At("2026-11-22T01:00:00+00:00");
        _temp.Write("fleet.yml", """
            packages:
              - file: jhf_R81_20_T92.tgz
                name: JHF T92
            gateways:
              - { name: gw1, ip: 10.0.0.1, version: R81.20 }
            clusters:
              - name: cl
                type: clusterxl-ha
                version: R81.20
                members:
                  - { name: cl-m1, ip: 10.0.1.1, state: active }
                  - { name: cl-m2, ip: 10.0.1.2, state: standby }
            """);
        _temp.Write("jhf_R81_20_T92.tgz", "payload");
        _temp.Write("check.sh", "#!/bin/bash\nexit 0\n");
        _temp.Write("plan.yml", """
            update_cpuse: true
            actions:
              - action: execute_script
                path: check.sh
              - action: install_package
                path: jhf_R81_20_T92.tgz
                name: JHF T92
            """);
        _temp.Write("cdt.conf", """
            inventory: fleet.yml
            simulator: { time_scale: 1000 }
            generate: { batch_policy: single }
            execute: { logs_dir: logs }
            """);
        Run("generate", "--candidates", "list.csv", "--plan", "plan.yml").ExitCode.ShouldBe(0);
    }

    [TearDown]
    public void TearDown() => _temp.Dispose();

    [TestCase("execute", "list.csv", "--plan", "plan.yml")]
    [TestCase("-execute", "-candidates=list.csv", "-deploymentplan=plan.yml")]
    public void ExecuteWithAPlanRunsItOnEveryTargetAndExitsZero(params string[] args)
    {
        var r = Run(args);

        r.ExitCode.ShouldBe(ExitCodes.Ok, r.Error);
        r.Out.ShouldStartWith("3 succeeded, 0 failed, 0 not started");
        r.Error.ShouldContain("cdt: warning: " + _temp.File("plan.yml") + " says update_cpuse: true, but cdt.conf names no cpuse_agent package");
        r.Error.ShouldContain("cl-m1 install_package#2 ok: ");
    }

    [Test]
    public void APlanWithProblemsRunsNothingAndExitsTwoWithEveryProblem()
    {
        _temp.Write("bad.yml", "actions:\n  - action: execute_script\n    path: nowhere.sh\n  - action: pull_file\n    remote: var/log/messages\n");

        var r = Run("execute", "list.csv", "--plan", "bad.yml");

        r.ExitCode.ShouldBe(ExitCodes.BadInput);
        r.Error.ShouldBe($"""
            {_temp.File("bad.yml")}:3:11: execute_script: script 'nowhere.sh' does not exist on this machine (looked for {_temp.File("nowhere.sh")})
            {_temp.File("bad.yml")}:5:13: pull_file: remote path 'var/log/messages' is not absolute: write the full path on the gateway, e.g. /var/log/messages

            """.ReplaceLineEndings("\n"));
        Directory.Exists(_temp.File("logs")).ShouldBeFalse();
    }

    [Test]
    public void APackageInCdtConfAndAPlanIsAnErrorNamingBoth()
    {
        _temp.Write("cdt.conf", File.ReadAllText(_temp.File("cdt.conf")) + "\npackage: { path: jhf_R81_20_T92.tgz, name: JHF T92, versions: [R81.20] }\n");

        var r = Run("execute", "list.csv", "--plan", "plan.yml");

        r.ExitCode.ShouldBe(ExitCodes.BadInput);
        r.Error.ShouldBe($"{_temp.File("cdt.conf")}: defines 'package' (Basic mode) and --plan {_temp.File("plan.yml")} was given (Advanced mode): use one of them; remove 'package' from cdt.conf to run the plan\n");
    }

    [TestCase("prepare", "list.csv", "--plan", "plan.yml")]
    [TestCase("-preparations", "list.csv", "-deploymentplan=plan.yml")]
    [TestCase("-extended_preparations", "-candidates=list.csv", "-deploymentplan=plan.yml")]
    public void PrepareRecordsWhatItDidAndALaterExecuteDoesNotRunThePreScriptAgain(params string[] args)
    {
        var prepared = Run(args);
        var executed = Run("execute", "list.csv", "--plan", "plan.yml");

        prepared.ExitCode.ShouldBe(ExitCodes.Ok, prepared.Error);
        prepared.Out.ShouldStartWith("3 succeeded, 0 failed, 0 not started");
        prepared.Out.ShouldEndWith("prepared: " + _temp.File("list.csv.prepared.json") + "\n");
        Directory.GetDirectories(_temp.File("logs/preparations")).Length.ShouldBe(1);
        executed.ExitCode.ShouldBe(ExitCodes.Ok, executed.Error);
        executed.Error.ShouldContain("cl-m2 execute_script#1 skipped: done by cdt prepare at ");
    }

    private CliRunner.Outcome Run(params string[] args) => CliRunner.RunOn(_clock, _temp.Path, args);
}
