using Cdt.Cli;
using Cdt.Tests.Support;
using NUnit.Framework;
using Shouldly;

namespace Cdt.Tests.Cli;

/// <summary>
/// A file the system refuses is the user's to fix: one line naming the path and the system's
/// reason, exit 74, no stack trace, nothing half-written. Real refusals that hold for root too (a
/// file where a folder belongs, /sys), and a disk that reports itself full at one write point.
/// </summary>
public class IoErrorTests
{
    private const string Fleet = """
        packages:
          - file: jhf_R81_20_T92.tgz
            name: JHF T92
        gateways:
          - { name: gw1, ip: 10.0.0.1, version: R81.20 }
          - { name: gw2, ip: 10.0.0.2, version: R81.20 }
        """;

    private TempFolder _temp = null!;
    private ManualClock _clock = null!;
    private FillableDisk _disk = null!;

    [SetUp]
    public void SetUp()
    {
        _temp = new TempFolder(memory: true);
        _clock = ManualClock.At("2026-11-22T01:00:00+00:00");
        _disk = new FillableDisk();
        _temp.Write("fleet.yml", Fleet);
        _temp.Write("jhf_R81_20_T92.tgz", "payload");
        _temp.Write("a-file", "not a folder");
        WriteConfig("logs");
        Run("generate", "--candidates", "list.csv").ExitCode.ShouldBe(0);
    }

    [TearDown]
    public void TearDown() => _temp.Dispose();

    [Test]
    public void GenerateUnderAFileNamesThePathAndTheReason()
    {
        var r = Run("generate", "--candidates", "a-file/list.csv");

        ShouldBeOneIoLine(r, $"cdt: cannot write {_temp.File("a-file/list.csv")}.gen.json: Not a directory");
    }

    [Test]
    public void GenerateWhereTheSystemRefusesEvenRootSaysSo()
    {
        var r = Run("generate", "--candidates", "/sys/cdt-test-list.csv");

        ShouldBeOneIoLine(r, "cdt: cannot write /sys/cdt-test-list.csv.gen.json: Permission denied");
    }

    [Test]
    public void GenerateOnAFullDiskKeepsTheOldListAndLeavesNoTemporaryFile()
    {
        var list = _temp.File("list.csv");
        var before = File.ReadAllBytes(list);
        _disk.Refuses = p => p == list;

        var r = Run("generate", "--candidates", "list.csv", "--force");

        ShouldBeOneIoLine(r, $"cdt: cannot write {list}: No space left on device");
        File.ReadAllBytes(list).ShouldBe(before);
        TemporaryFiles().ShouldBeEmpty();
    }

    [Test]
    public void EditOnAFullDiskKeepsTheListAsItWas()
    {
        var list = _temp.File("list.csv");
        var before = File.ReadAllBytes(list);
        _disk.Refuses = p => p == list;

        var r = Run("edit", "list.csv", "--set", "gw2=1");

        ShouldBeOneIoLine(r, $"cdt: cannot write {list}: No space left on device");
        File.ReadAllBytes(list).ShouldBe(before);
        TemporaryFiles().ShouldBeEmpty();
    }

    [Test]
    public void ExecuteWhoseLogsFolderIsUnderAFileRunsNothing()
    {
        WriteConfig("a-file/logs");

        var r = Run("execute", "list.csv");

        ShouldBeOneIoLine(r, $"cdt: cannot create folder {_temp.File("a-file/logs/2026-11-22_01-00-00")}: Not a directory");
        r.Out.ShouldBeEmpty();
    }

    [Test]
    public void ALockThatCannotBeCreatedIsAnIoErrorNotAnotherProcess()
    {
        var guard = _temp.File("list.csv.lock.guard");
        _disk.Refuses = p => p == guard;

        var r = Run("execute", "list.csv");

        ShouldBeOneIoLine(r, $"cdt: cannot write {guard}: No space left on device");
        r.Error.ShouldNotContain("locked");
        Directory.Exists(_temp.File("logs")).ShouldBeFalse();
    }

    [Test]
    public void ExecuteWhoseJournalCannotBeOpenedRunsNothing()
    {
        _disk.Refuses = p => p.EndsWith("journal.jsonl", StringComparison.Ordinal);

        var r = Run("execute", "list.csv");

        ShouldBeOneIoLine(r, $"cdt: cannot write {RunFile("journal.jsonl")}: No space left on device");
        r.Out.ShouldBeEmpty();
    }

    [Test]
    public void AFullDiskForTheFinalReportsKeepsTheJournalAndEndsWithTheIoError()
    {
        _disk.Refuses = p => p.EndsWith("results.csv", StringComparison.Ordinal) || p.EndsWith("report.html", StringComparison.Ordinal);

        var r = Run("execute", "list.csv");

        r.ExitCode.ShouldBe(ExitCodes.IoError, r.Error);
        r.Out.ShouldStartWith("2 succeeded, 0 failed, 0 not started");
        r.Error.ShouldContain($"cdt: cannot write {RunFile("results.csv")}: No space left on device; the journal {RunFile("journal.jsonl")} has the whole run");
        r.Error.ShouldNotContain("   at ");
        File.ReadAllText(RunFile("journal.jsonl")).ShouldContain("\"run_finished\"");
        File.Exists(RunFile("summary.json")).ShouldBeTrue("the files the disk took are still written");
        File.Exists(RunFile("results.csv")).ShouldBeFalse();
        TemporaryFiles().ShouldBeEmpty();
    }

    [Test]
    public void AStatusFileTheDiskRefusesIsAWarningDuringTheRunAndAnIoErrorAtTheEnd()
    {
        _disk.Refuses = p => p.EndsWith("CDT_status_brief.txt", StringComparison.Ordinal);

        var r = Run("execute", "list.csv");

        r.ExitCode.ShouldBe(ExitCodes.IoError, r.Error);
        r.Out.ShouldStartWith("2 succeeded, 0 failed, 0 not started");
        r.Error.Split('\n').Count(l => l.StartsWith("cdt: warning: StatusFilesObserver failed (cannot write", StringComparison.Ordinal)).ShouldBe(1);
        File.Exists(RunFile("results.csv")).ShouldBeTrue();
    }

    [Test]
    public void PrepareWhoseRecordTheDiskRefusesEndsWithTheIoError()
    {
        var record = _temp.File("list.csv.prepared.json");
        _disk.Refuses = p => p == record;

        var r = Run("prepare", "list.csv");

        r.ExitCode.ShouldBe(ExitCodes.IoError, r.Error);
        r.Error.ShouldContain($"cdt: cannot write {record}: No space left on device; what was prepared is not recorded");
        r.Error.ShouldNotContain("   at ");
        r.Out.ShouldNotContain("prepared: ");
        File.Exists(record).ShouldBeFalse();
    }

    [Test]
    public void DemoUnderAFileNamesTheFolder()
    {
        var r = Run("demo", "--out", "a-file/demo");

        ShouldBeOneIoLine(r, $"cdt: cannot create folder {_temp.File("a-file/demo")}: Not a directory");
    }

    [Test]
    public void RunDueWhoseStateFolderIsUnderAFileSaysSoOnce()
    {
        File.AppendAllText(_temp.File("cdt.conf"), """

            state_dir: a-file/state
            schedules:
              - name: nightly
                candidates: list.csv
                time_zone: UTC
                install: { cron: "30 2 * * *", duration: 3h }
            """);

        var r = Run("run-due");

        r.ExitCode.ShouldBe(ExitCodes.IoError, r.Error);
        r.Out.ShouldBe($"nightly: not run: cannot create folder {_temp.File("a-file/state")}: Not a directory\n");
        r.Error.ShouldContain("error: Schedule nightly: cannot create folder");
        r.Error.ShouldNotContain("   at ");
        r.Error.ShouldNotContain("internal error");
    }

    private static void ShouldBeOneIoLine(CliRunner.Outcome r, string line)
    {
        r.ExitCode.ShouldBe(ExitCodes.IoError, r.Error);
        r.Error.ShouldBe(line + "\n");
    }

    private string RunFile(string name) => _temp.File(Path.Combine("logs", "2026-11-22_01-00-00", name));

    private IEnumerable<string> TemporaryFiles() =>
        Directory.EnumerateFiles(_temp.Path, "*.tmp", SearchOption.AllDirectories);

    private void WriteConfig(string logs) => _temp.Write("cdt.conf", $$"""
        inventory: fleet.yml
        simulator: { time_scale: 1000 }
        package: { path: jhf_R81_20_T92.tgz, name: JHF T92, versions: [R81.20] }
        generate: { batch_policy: canary, batch_size: 10 }
        execute: { logs_dir: {{logs}} }
        """);

    private CliRunner.Outcome Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var context = new CliContext { Out = output, Error = error, Time = _clock, Files = _disk, CurrentDirectory = _temp.Path };
        var code = DeterministicRunner.Run(_clock, () => CdtApp.RunAsync(args, context));
        return new CliRunner.Outcome(code, output.ToString(), error.ToString());
    }
}
