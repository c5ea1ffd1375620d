using Cdt.Cli;
using Cdt.Tests.Support;
using NUnit.Framework;
using Shouldly;

namespace Cdt.Tests.Cli;

/// <summary><c>execute --pause-after-batch</c> and <c>cdt approve</c> from the command line: what they print and their exit codes.</summary>
public class ApproveCommandTests
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
              - { name: gw2, ip: 10.0.0.2, version: R81.20 }
              - { name: gw3, ip: 10.0.0.3, version: R81.20 }
            """);
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

    [Test]
    public void PauseAfterBatchExitsEightAndSaysHowToGoOn()
    {
        var r = Run("execute", "list.csv", "--pause-after-batch", "1");

        r.ExitCode.ShouldBe(ExitCodes.AwaitingApproval, r.Error);
        r.Out.ShouldStartWith($"1 succeeded, 0 failed, 2 waiting; paused: waiting for approval after batch 1: continue with 'cdt approve {_temp.File("list.csv")} [--note TEXT]'\n");
        r.Error.ShouldContain("waiting for approval after batch 1: nothing more starts until 'cdt approve LIST'");
        r.Error.ShouldNotContain("batch 2 of 2 started");
    }

    [Test]
    public void ApproveRecordsTheUserAndNoteAndFinishesTheRun()
    {
        Run("execute", "list.csv", "--pause-after-batch", "1").ExitCode.ShouldBe(ExitCodes.AwaitingApproval);

        var r = Run("approve", "list.csv", "--note", "canary ok");

        r.ExitCode.ShouldBe(ExitCodes.Ok, r.Error);
        r.Out.ShouldStartWith("3 succeeded, 0 failed, 0 not started");
        r.Error.ShouldContain($"approved by {Environment.UserName}: the gate after batch 1 is open (note: canary ok)", customMessage: "without $USER or $LOGNAME, the process's account name");
    }

    [Test]
    public void ApproveWhenTheRunIsNotWaitingIsRefusedWithExitTwo()
    {
        Run("execute", "list.csv").ExitCode.ShouldBe(ExitCodes.Ok);

        var r = Run("approve", "list.csv");

        r.ExitCode.ShouldBe(ExitCodes.BadInput);
        r.Error.ShouldContain("is not waiting for approval: it ended (completed); nothing to approve");
        r.Out.ShouldBeEmpty();
    }

    [Test]
    public void ApproveWithoutAnyRunIsRefusedWithExitTwo()
    {
        var r = Run("approve", "list.csv");

        r.ExitCode.ShouldBe(ExitCodes.BadInput);
        r.Error.ShouldContain("no earlier run of this list to resume");
    }

    [TestCase("0", "--pause-after-batch 0: give a batch number of at least 1")]
    [TestCase("9", "--pause-after-batch: gate after batch 9: the list has no batch 9 (its batches: 1, 2); nothing waits there")]
    [TestCase("2", "--pause-after-batch: gate after batch 2: it is the list's last batch; nothing waits there")]
    public void APauseAfterABatchThatCannotWaitIsRefusedWithExitTwo(string batch, string message)
    {
        var r = Run("execute", "list.csv", "--pause-after-batch", batch);

        r.ExitCode.ShouldBe(ExitCodes.BadInput, r.Out);
        r.Error.ShouldContain(message);
        Directory.Exists(_temp.File("logs")).ShouldBeFalse();
    }

    [Test]
    public void ANoteLongerThanFiveHundredCharactersIsRefused()
    {
        Run("execute", "list.csv", "--pause-after-batch", "1").ExitCode.ShouldBe(ExitCodes.AwaitingApproval);

        var r = Run("approve", "list.csv", "--note", new string('n', 501));

        r.ExitCode.ShouldBe(ExitCodes.BadInput);
        r.Error.ShouldContain("--note is 501 characters long; write at most 500");
    }

    private CliRunner.Outcome Run(params string[] args) => CliRunner.RunOn(_clock, _temp.Path, args);
}
