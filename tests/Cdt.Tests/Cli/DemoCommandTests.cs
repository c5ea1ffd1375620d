using Cdt.Host;
using Cdt.Candidates;
using Cdt.Tests.Support;
using NUnit.Framework;
using Shouldly;

namespace Cdt.Tests.Cli;

public class DemoCommandTests
{
    [Test]
    public void TheDemoNeedsNoSetupGeneratesAValidListAndInstallsTheWholeSampleFleet()
    {
        using var temp = new TempFolder();
        using var nowhere = new TempFolder();
        var clock = ManualClock.At("2026-11-22T01:00:00+00:00");

        var run = CliRunner.RunOn(clock, nowhere.Path, "demo", "--out", temp.Path);

        run.ExitCode.ShouldBe(0, run.Error);
        run.Out.ShouldStartWith("Object Name,Cluster Name,IP Address,Version,State,Upgrade Order\ngw-paris-01,,10.1.1.1,R81.20,,1\n");
        run.Out.ShouldContain("\n33 gateway(s) to install in 5 batch(es)\n");
        run.Out.ShouldContain($"The generated candidates list is: {temp.File("candidates.csv")}\n");
        run.Out.ShouldContain("33 succeeded, 0 failed, 0 not started\n");
        run.Out.ShouldContain("results: " + temp.Path);
        run.Error.ShouldContain("batch 5 of 5 started");
        ListValidation.ValidateFile(LocalFileStore.Instance, temp.File("candidates.csv"), Cdt.Fleet.InventoryLoader.EmbeddedSampleName).Problems.ShouldBeEmpty();
    }

    [Test]
    public void TheDemoStopsAtItsGatePrintsItApprovesItselfWithANoteAndPrintsTheReport()
    {
        using var temp = new TempFolder();
        using var nowhere = new TempFolder();
        var clock = ManualClock.At("2026-11-22T01:00:00+00:00");

        var run = CliRunner.RunOn(clock, nowhere.Path, "demo", "--out", temp.Path);

        run.ExitCode.ShouldBe(0, run.Error);
        run.Out.Replace(temp.Path, "<out>", StringComparison.Ordinal).ShouldMatchTestGolden();
        var report = run.Out.Split('\n').Last(l => l.StartsWith("report: ", StringComparison.Ordinal))["report: ".Length..];
        File.Exists(report).ShouldBeTrue();
        var journal = File.ReadAllText(Path.Combine(Path.GetDirectoryName(report)!, "journal.jsonl"));
        journal.ShouldContain("\"event\":\"approval_wait\",\"batch\":1");
        journal.ShouldContain("\"note\":\"the demo approves itself\"");
        File.ReadAllText(report).ShouldContain("the gate after batch 1 is open (note: the demo approves itself)");

        // Health checks are on in the demo: a snapshot before each install and after its confirm, compared, in the report.
        journal.ShouldContain("\"step\":\"health_before\"");
        journal.ShouldContain("\"step\":\"health_after\"");
        Directory.GetFiles(Path.Combine(Path.GetDirectoryName(report)!, "health"), "*.json").ShouldNotBeEmpty();
        File.ReadAllText(report).ShouldContain("Health findings (0)");
    }

    [Test]
    public void TheDemoRefusesAFolderThatIsNotEmptyAndTouchesNothing()
    {
        using var temp = new TempFolder();
        using var nowhere = new TempFolder();
        File.WriteAllText(temp.File("candidates.csv"), "mine\n");
        var clock = ManualClock.At("2026-11-22T01:00:00+00:00");

        var run = CliRunner.RunOn(clock, nowhere.Path, "demo", "--out", temp.Path);

        run.ExitCode.ShouldBe(2, run.Error);
        run.Error.ShouldContain("the folder is not empty; give a new or empty folder");
        File.ReadAllText(temp.File("candidates.csv")).ShouldBe("mine\n");
        Directory.GetFileSystemEntries(temp.Path).Length.ShouldBe(1);
    }

    [TestCase("0")]
    [TestCase("1e308")]
    public void TheDemoRefusesATimeScaleOutOfBounds(string scale)
    {
        using var temp = new TempFolder();
        using var nowhere = new TempFolder();
        var clock = ManualClock.At("2026-11-22T01:00:00+00:00");

        var run = CliRunner.RunOn(clock, nowhere.Path, "demo", "--out", temp.Path, "--time-scale", scale);

        run.ExitCode.ShouldBe(2, run.Error);
        run.Error.ShouldContain("--time-scale must be a number from 1 to 1000000");
    }
}
