using Cdt.Cli;
using Cdt.Tests.Support;
using NUnit.Framework;
using Shouldly;

namespace Cdt.Tests.Cli;

public class ExecuteCommandTests
{
    private const string Fleet = """
        packages:
          - file: jhf_R81_20_T92.tgz
            name: JHF T92
        gateways:
          - { name: gw1, ip: 10.0.0.1, version: R81.20 }
          - { name: gw2, ip: 10.0.0.2, version: R81.20 }
        clusters:
          - name: cl
            type: clusterxl-ha
            version: R81.20
            members:
              - { name: cl-m1, ip: 10.0.1.1, state: active }
              - { name: cl-m2, ip: 10.0.1.2, state: standby }
        """;

    private TempFolder _temp = null!;
    private ManualClock _clock = null!;

    [SetUp]
    public void SetUp()
    {
        _temp = new TempFolder(memory: true);
        _clock = ManualClock.At("2026-11-22T01:00:00+00:00");
        _temp.Write("fleet.yml", Fleet);
        _temp.Write("jhf_R81_20_T92.tgz", "payload");
        _temp.Write("cdt.conf", """
            inventory: fleet.yml
            simulator: { time_scale: 1000 }
            package: { path: jhf_R81_20_T92.tgz, name: JHF T92, versions: [R81.20] }
            generate: { batch_policy: canary, batch_size: 10 }
            execute: { logs_dir: logs }
            """);
        Run("generate", "--candidates", "list.csv").ExitCode.ShouldBe(0);
    }

    [TearDown]
    public void TearDown() => _temp.Dispose();

    [TestCase("execute", "list.csv")]
    [TestCase("install", "list.csv")]
    [TestCase("-execute", "-candidates=list.csv")]
    [TestCase("-install", "list.csv")]
    public void EveryCommandStyleInstallsTheListAndExitsZero(string verb, string list)
    {
        var r = Run(verb, list);

        r.ExitCode.ShouldBe(ExitCodes.Ok, r.Error);
        r.Out.ShouldStartWith("4 succeeded, 0 failed, 0 not started");
        r.Out.ShouldContain("results: " + _temp.Path);
        r.Error.ShouldContain("batch 1 of 2 started");
        File.Exists(Path.Combine(_temp.Path, "logs", "2026-11-22_01-00-00", "CDT_status.txt")).ShouldBeTrue();
        File.Exists(Path.Combine(_temp.Path, "logs", "2026-11-22_01-00-00", "cdt.log")).ShouldBeTrue();
        File.Exists(Path.Combine(_temp.Path, "logs", "2026-11-22_01-00-00", "targets", "cl-m2.log")).ShouldBeTrue();
    }

    [Test]
    public void AnInvalidListRunsNothingAndExitsTwo()
    {
        var list = _temp.File("list.csv");
        File.WriteAllText(list, File.ReadAllText(list).Replace("cl-m2,cl,10.0.1.2,R81.20,standby,2", "cl-m2,cl,10.0.1.2,R81.20,standby,3", StringComparison.Ordinal));

        var r = Run("execute", "list.csv");

        r.ExitCode.ShouldBe(ExitCodes.BadInput);
        r.Error.ShouldContain("cluster cl is split across batches 2 (cl-m1, line 4) and 3 (cl-m2)");
        Directory.Exists(_temp.File("logs")).ShouldBeFalse();
    }

    [Test]
    public void DryRunShowsBatchesClusterOrderAndTimelineAndTouchesNothing()
    {
        var r = Run("execute", "list.csv", "--dry-run", "--deadline", "2026-11-22T06:00:00+00:00");

        r.ExitCode.ShouldBe(ExitCodes.Ok);
        r.Out.ShouldContain("dry run: nothing is touched; 4 target(s) in 2 batch(es)");
        r.Out.ShouldContain("cl (ClusterXlHa): cl-m2 (standby) -> failover -> cl-m1 (active)");
        r.Out.ShouldContain("batch 1: 1 target(s), 1 unit(s); predicted 2026-11-22T01:00:00+00:00 -> 2026-11-22T01:30:00+00:00");
        Directory.Exists(_temp.File("logs")).ShouldBeFalse();
    }

    [Test]
    public void DryRunShowsTheFailureBudgetsAsTheRunWillApplyThem()
    {
        _temp.Write("cdt.conf", File.ReadAllText(_temp.File("cdt.conf")).Replace("execute: { logs_dir: logs }", "execute: { logs_dir: logs, stop_after_failures: 30%, batch_stop_after_failures: 1 }", StringComparison.Ordinal));

        var r = Run("execute", "list.csv", "--dry-run");

        r.ExitCode.ShouldBe(ExitCodes.Ok, r.Error);
        r.Out.ShouldContain("failures: the run stops at failure 2 (stop_after_failures: 30% of 4 targets = 2); no batch starts after a batch with a failure\n");
        r.Out.ShouldContain("  stops at failure 1 (batch_stop_after_failures: 1)\n");
    }

    [Test]
    public void ReportWritesTheRunsHtmlAgainFromItsJournal()
    {
        var run = Run("execute", "list.csv");
        var path = run.Out.Split('\n').Single(l => l.StartsWith("report: ", StringComparison.Ordinal))["report: ".Length..];
        var first = File.ReadAllText(path);
        File.Delete(path);

        var again = Run("report", Path.GetDirectoryName(path)!);

        again.ExitCode.ShouldBe(ExitCodes.Ok, again.Error);
        again.Out.ShouldBe("report: " + path + "\n");
        // Without the list at hand it only adds a caveat: a finished run's journal names every target.
        var lines = File.ReadAllText(path).Split('\n').Where(l => !l.Contains("id=\"caveat\"", StringComparison.Ordinal));
        string.Join('\n', lines).ShouldBe(first);
    }

    [Test]
    public void ReportOfAFolderWithoutAJournalIsBadInput()
    {
        var r = Run("report", "nowhere");

        r.ExitCode.ShouldBe(ExitCodes.BadInput);
        r.Error.ShouldContain("no journal.jsonl here");
    }

    [Test]
    public void DryRunOfAResumeShowsTheDeadlineTheResumedRunKeeps()
    {
        Run("execute", "list.csv", "--deadline", "2026-11-22T00:30:00+00:00").ExitCode.ShouldBe(ExitCodes.Deadline);

        var r = Run("execute", "list.csv", "--dry-run", "--resume");

        r.ExitCode.ShouldBe(ExitCodes.Ok, r.Error);
        r.Out.ShouldContain("deadline: 2026-11-22T00:30:00+00:00 (strict)\n");
        r.Out.ShouldContain("batch 1: 1 target(s), 1 unit(s); would not start: the deadline has passed by then");
    }

    [Test]
    public void DryRunOfAResumeStillLetsTheCommandLineDeadlineWin()
    {
        Run("execute", "list.csv", "--deadline", "2026-11-22T00:30:00+00:00").ExitCode.ShouldBe(ExitCodes.Deadline);

        var r = Run("resume", "list.csv", "--dry-run", "--deadline", "2026-11-22T06:00:00+00:00");

        r.ExitCode.ShouldBe(ExitCodes.Ok, r.Error);
        r.Out.ShouldContain("deadline: 2026-11-22T06:00:00+00:00 (strict)\n");
    }

    [Test]
    public void ADeadlineInThePastExitsThreeAndStartsNothing()
    {
        var r = Run("execute", "list.csv", "--deadline", "2026-11-22T00:00:00+00:00");

        r.ExitCode.ShouldBe(ExitCodes.Deadline);
        r.Out.ShouldStartWith("0 succeeded, 0 failed, 4 not started; stopped: deadline");
    }

    [Test]
    public void AMalformedDeadlineIsBadInput()
    {
        var r = Run("execute", "list.csv", "--deadline", "tomorrow 6am");

        r.ExitCode.ShouldBe(ExitCodes.BadInput);
        r.Error.ShouldContain("--deadline tomorrow 6am: write an ISO 8601 time with an offset");
    }

    [Test]
    public void AListHeldByAnotherRunIsRefusedWithExitSix()
    {
        LockFiles.HeldByThisProcess(_temp.File("list.csv.lock"), "cdt execute list.csv");

        var r = Run("execute", "list.csv");

        r.ExitCode.ShouldBe(ExitCodes.Locked);
        r.Error.ShouldContain($"locked by PID {Environment.ProcessId} on {Environment.MachineName} (cdt execute list.csv");
    }

    [Test]
    public void AListWithoutARecordRunsWithTheWarning()
    {
        File.Copy(_temp.File("list.csv"), _temp.File("other.csv"));

        var r = Run("execute", "other.csv");

        r.ExitCode.ShouldBe(ExitCodes.Ok, r.Error);
        r.Error.ShouldContain($"cdt: warning: no generation record ({_temp.File("other.csv")}.gen.json)");
    }

    [Test]
    public void ASymlinkToAListSharesTheListsLock()
    {
        File.CreateSymbolicLink(_temp.File("link.csv"), _temp.File("list.csv"));
        LockFiles.HeldByThisProcess(_temp.File("list.csv.lock"), "cdt execute list.csv");

        var r = Run("execute", "link.csv");

        r.ExitCode.ShouldBe(ExitCodes.Locked, r.Error);
        r.Error.ShouldContain(_temp.File("list.csv.lock") + ": locked by PID");
    }

    [Test]
    public void ResumeWithoutAnEarlierRunIsBadInput()
    {
        var r = Run("resume", "list.csv");

        r.ExitCode.ShouldBe(ExitCodes.BadInput);
        r.Error.ShouldContain("no earlier run of this list to resume");
    }

    [Test]
    public void AFailedTargetMakesTheExitCodeOne()
    {
        File.WriteAllText(_temp.File("fleet.yml"), Fleet.Replace("{ name: gw2, ip: 10.0.0.2, version: R81.20 }", "{ name: gw2, ip: 10.0.0.2, version: R81.20, simulation: { faults: [verify_refuses] } }", StringComparison.Ordinal));
        Run("generate", "--candidates", "list.csv", "--force").ExitCode.ShouldBe(0);

        var r = Run("execute", "list.csv");

        r.ExitCode.ShouldBe(ExitCodes.SomeFailed);
        r.Out.ShouldStartWith("3 succeeded, 1 failed, 0 not started");
        r.Error.ShouldContain("gw2 failed: verify: Verifier results: Installation is not allowed. Reason: Not enough free disk space.");
    }

    private CliRunner.Outcome Run(params string[] args) => CliRunner.RunOn(_clock, _temp.Path, args);
}
