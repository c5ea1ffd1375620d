using Cdt.Host;
using Cdt.Candidates;
using Cdt.Diagnostics;
using Cdt.Formats;
using Cdt.Yaml;
using Cdt.Tests.Support;
using NUnit.Framework;
using Shouldly;

namespace Cdt.Tests.Candidates;

public class FilterFileTests
{
    private TempFolder _temp = null!;

    [SetUp]
    public void SetUp()
    {
        _temp = new TempFolder();
        SampleFleet.CopyTo(_temp, probe: false);
    }

    [TearDown]
    public void TearDown() => _temp.Dispose();

    [Test]
    public void NamesAreReadOnePerLineWithCommentsBlankLinesAndABom()
    {
        var path = _temp.Write("filter.txt", "\uFEFFgw-paris-02\n# change board said no\n\n   cl-london  \r\ngw-paris-02\n");

        FilterFile.Read(LocalFileStore.Instance, path).Order(StringComparer.Ordinal).ShouldBe(["cl-london", "gw-paris-02"]);
    }

    [Test]
    public void ANameThatCannotBeAnObjectIsReportedWithItsLine()
    {
        var path = _temp.Write("filter.txt", "gw-paris-02\ngw-paris-03; rm -rf /\ngw 04\n");

        var e = Should.Throw<CdtInputException>(() => FilterFile.Read(LocalFileStore.Instance, path));

        e.ToDisplayLines().ShouldBe(
        [
            $"{path}:2:1: 'gw-paris-03; rm -rf /' is not an object name (letters, digits, '.', '_' and '-' only, starting with a letter or digit, at most 100 characters)",
            $"{path}:3:1: 'gw 04' is not an object name (letters, digits, '.', '_' and '-' only, starting with a letter or digit, at most 100 characters)",
        ]);
    }

    [Test]
    public async Task AStandaloneGatewayAndAClusterNamedInTheFilterAreLeftOutWhole()
    {
        _temp.Write("filter.txt", "gw-paris-02\ncl-dublin\nsg-lyon\n");

        var run = await CliRunner.RunAsync(_temp.Path, "generate", "--candidates", "list.csv", "--filter", "filter.txt");

        run.ExitCode.ShouldBe(0, run.Error);
        var names = Names(_temp.File("list.csv"));
        names.Count.ShouldBe(38 - 1 - 3 - 4);
        names.ShouldNotContain(n => n == "gw-paris-02" || n.StartsWith("cl-dublin-", StringComparison.Ordinal) || n.StartsWith("sg-lyon-", StringComparison.Ordinal));
        run.Error.ShouldBeEmpty();
        var reasons = await File.ReadAllTextAsync(_temp.File("list.csv.reasons.txt"));
        reasons.ShouldContain("cl-dublin-m2: left out by the filter file\n");
        reasons.ShouldContain("gw-paris-02: left out by the filter file\n");
        reasons.ShouldContain("sg-lyon-1_4: left out by the filter file\n");
        ListValidation.ValidateFile(LocalFileStore.Instance, _temp.File("list.csv"), SampleFleet.Inventory(_temp)).IsValid.ShouldBeTrue();
    }

    [Test]
    public async Task AMemberNamedInTheFilterLeavesOutItsWholeClusterAndSaysSo()
    {
        _temp.Write("filter.txt", "cl-vienna-m2\nsg-geneva-2_1\n");

        var run = await CliRunner.RunAsync(_temp.Path, "generate", "--candidates", "list.csv", "--filter", "filter.txt");

        run.ExitCode.ShouldBe(0, run.Error);
        Names(_temp.File("list.csv")).ShouldNotContain(n => n.StartsWith("cl-vienna-", StringComparison.Ordinal) || n.StartsWith("sg-geneva-", StringComparison.Ordinal));
        run.Error.ShouldBe("""
            cdt: note: filter names cl-vienna-m2, a member of VRRP cl-vienna: all of cl-vienna is left out, since its members move together
            cdt: note: filter names sg-geneva-2_1, a member of ElasticXL Security Group sg-geneva: all of sg-geneva is left out, since its members move together

            """.ReplaceLineEndings("\n"));
    }

    [Test]
    public async Task AnUnknownNameInTheFilterIsNotedAndChangesNothing()
    {
        _temp.Write("filter.txt", "gw-atlantis-01\n");

        var run = await CliRunner.RunAsync(_temp.Path, "generate", "--candidates", "list.csv", "--filter", "filter.txt");

        run.ExitCode.ShouldBe(0, run.Error);
        run.Error.ShouldBe("cdt: note: filter names gw-atlantis-01, which is not in the inventory: ignored\n");
        Names(_temp.File("list.csv")).Count.ShouldBe(38);
    }

    [Test]
    public async Task AMissingFilterFileIsBadInputAndWritesNothing()
    {
        var run = await CliRunner.RunAsync(_temp.Path, "generate", "--candidates", "list.csv", "--filter", "nope.txt");

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldBe($"{_temp.File("nope.txt")}: filter file not found\n");
        File.Exists(_temp.File("list.csv")).ShouldBeFalse();
        File.Exists(_temp.File("list.csv.gen.json")).ShouldBeFalse();
    }

    private static List<string> Names(string list) =>
        File.ReadAllLines(list).Skip(1).Select(l => l.Split(',')[0]).ToList();
}
