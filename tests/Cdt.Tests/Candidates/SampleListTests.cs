using Cdt.Tests.Support;
using NUnit.Framework;
using Shouldly;

namespace Cdt.Tests.Candidates;

/// <summary>Golden files of what generate writes and prints for the sample fleet and sample package.</summary>
public class SampleListTests
{
    private TempFolder _temp = null!;

    [SetUp]
    public void SetUp()
    {
        _temp = new TempFolder();
        SampleFleet.CopyTo(_temp);
    }

    [TearDown]
    public void TearDown() => _temp.Dispose();

    [Test]
    public async Task TheSampleFleetGivesTheApprovedList()
    {
        var run = await CliRunner.RunAsync(_temp.Path, "generate", "--candidates", "list.csv");

        run.ExitCode.ShouldBe(0, run.Error);
        Approve(await File.ReadAllTextAsync(_temp.File("list.csv")), "list");
    }

    [Test]
    public async Task TheSampleFleetGivesTheApprovedSummaryAndReasons()
    {
        var run = await CliRunner.RunAsync(_temp.Path, "generate", "--candidates", "list.csv");

        run.ExitCode.ShouldBe(0, run.Error);
        Approve(Scrub(run.Out), "summary");
        Approve(Scrub(await File.ReadAllTextAsync(_temp.File("list.csv.reasons.txt"))), "reasons");
    }

    [Test]
    public async Task TheCdtDialectGivesTheApprovedPaddedList()
    {
        var run = await CliRunner.RunAsync(_temp.Path, "generate", "--candidates", "list.csv", "--dialect", "cdt");

        run.ExitCode.ShouldBe(0, run.Error);
        Approve(await File.ReadAllTextAsync(_temp.File("list.csv")), "padded");
    }

    private string Scrub(string text) =>
        System.Text.RegularExpressions.Regex.Replace(text.Replace(_temp.Path, "<tmp>", StringComparison.Ordinal), @"\(generated [^)]*\)", "(generated <time>)");

    private static void Approve(string text, string discriminator) =>
        text.ShouldMatchTestGolden(discriminator);
}
