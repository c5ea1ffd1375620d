using Cdt.Tests.Candidates;
using Cdt.Tests.Support;
using NUnit.Framework;
using Shouldly;

namespace Cdt.Tests.Cli;

public class ValidateCommandTests
{
    private TempFolder _temp = null!;
    private string _list = null!;

    [SetUp]
    public async Task SetUp()
    {
        _temp = new TempFolder();
        SampleFleet.CopyTo(_temp);
        _list = _temp.File("list.csv");
        (await CliRunner.RunAsync(_temp.Path, "generate", "--candidates", "list.csv")).ExitCode.ShouldBe(0);
    }

    [TearDown]
    public void TearDown() => _temp.Dispose();

    [TestCase("validate", "list.csv")]
    [TestCase("-validate", "list.csv")]
    [TestCase("-validate", "-candidates=list.csv")]
    public async Task AValidListPrintsItsSummaryOnStdoutAndExitsZero(params string[] args)
    {
        var run = await CliRunner.RunAsync(_temp.Path, args);

        run.ExitCode.ShouldBe(0);
        run.Error.ShouldBeEmpty();
        run.Out.ShouldStartWith("33 gateway(s) to install in 5 batch(es)\n  batch 1: 1 gateway(s): gw-paris-01\n");
        run.Out.ShouldEndWith($"  Installed: 1 (gw-berlin-01)\n{_list} is valid\n");
    }

    [Test]
    public async Task AnInvalidListPrintsEveryProblemOnStderrAndExitsTwo()
    {
        await File.WriteAllTextAsync(_list, ListEdits.Order(ListEdits.Order(await File.ReadAllTextAsync(_list), "gw-rome-01", "1"), "cl-london-m2", "7"));
        var before = await File.ReadAllBytesAsync(_list);

        var run = await CliRunner.RunAsync(_temp.Path, "validate", "list.csv");

        run.ExitCode.ShouldBe(2);
        run.Out.ShouldBeEmpty();
        run.Error.ShouldBe($"""
            {_list}:10: gw-rome-01 was 'N/A' when generated and must stay 'N/A' (found '1'): it is not eligible (version R80.40 is not one the package applies to (R81.20))
            {_list}:13: cluster cl-london is split across batches 2 (cl-london-m1, line 12) and 7 (cl-london-m2): all members of a cluster must be in the same batch
            2 problem(s); {_list} was not changed

            """.ReplaceLineEndings("\n"));
        (await File.ReadAllBytesAsync(_list)).ShouldBe(before);
    }

    [Test]
    public async Task AListWithoutAGenerationRecordIsCheckedAgainstTheInventoryWithAWarning()
    {
        File.Delete(_list + ".gen.json");

        var run = await CliRunner.RunAsync(_temp.Path, "validate", "list.csv");

        run.ExitCode.ShouldBe(0);
        run.Error.ShouldBe($"cdt: warning: no generation record ({_list}.gen.json): immutable columns were checked against the inventory only\n");
        run.Out.ShouldEndWith($"{_list} is valid\n");
    }

    [Test]
    public async Task WithoutARecordRowsAndClustersAreStillCheckedAgainstTheInventory()
    {
        File.Delete(_list + ".gen.json");
        var text = await File.ReadAllTextAsync(_list);
        text = ListEdits.Cell(text, "gw-paris-03", 2, "10.1.1.33");
        text = ListEdits.InsertAfter(text, "gw-oslo-01", "gw-ghost-01,,10.9.9.9,R81.20,,2");
        text = ListEdits.Order(text, "cl-lisbon-m1", "5");
        text = ListEdits.Order(text, "cl-dublin-m1", "N/A");
        await File.WriteAllTextAsync(_list, text);

        var run = await CliRunner.RunAsync(_temp.Path, "validate", "list.csv");

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldBe($"""
            cdt: warning: no generation record ({_list}.gen.json): immutable columns were checked against the inventory only
            {_list}:4: IP Address of gw-paris-03 changed from '10.1.1.3' to '10.1.1.33': only Upgrade Order may be edited
            {_list}:9: gw-ghost-01 is not in the inventory: rows cannot be added (run 'cdt generate')
            {_list}:16: cluster cl-dublin has a member that is N/A (cl-dublin-m1) and members in batch 3: a cluster is upgraded whole or not at all; put '-' on its members
            {_list}:23: cl-lisbon-m1 is not eligible (ClusterXL Load Sharing clusters are not supported by CDT) and cannot be in a batch (found '5'): put 'N/A'
            {_list}:23: cluster cl-lisbon has a member that is N/A (cl-lisbon-m2) and members in batch 5: a cluster is upgraded whole or not at all; put '-' on its members
            5 problem(s); {_list} was not changed

            """.ReplaceLineEndings("\n"));
    }

    [Test]
    public async Task ACopyWithoutARecordCannotPutAnIneligibleGatewayInABatch()
    {
        var other = _temp.File("other.csv");
        await File.WriteAllTextAsync(other, ListEdits.Order(await File.ReadAllTextAsync(_list), "gw-rome-01", "1"));

        var run = await CliRunner.RunAsync(_temp.Path, "validate", "other.csv");

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain($"{other}:10: gw-rome-01 is not eligible (version R80.40 is not one the package applies to (R81.20)) and cannot be in a batch (found '1'): put 'N/A'\n");
    }

    [Test]
    public async Task WithoutARecordMissingEligibleGatewaysAreAWarningAndNoRowsAnError()
    {
        var lines = (await File.ReadAllTextAsync(_list)).Split('\n');
        await File.WriteAllTextAsync(_temp.File("short.csv"), string.Join('\n', lines.Where(l => !l.StartsWith("gw-paris-02,", StringComparison.Ordinal))));
        await File.WriteAllTextAsync(_temp.File("empty.csv"), lines[0] + "\n");

        var shortRun = await CliRunner.RunAsync(_temp.Path, "validate", "short.csv");
        var emptyRun = await CliRunner.RunAsync(_temp.Path, "validate", "empty.csv");

        shortRun.ExitCode.ShouldBe(0, shortRun.Error);
        shortRun.Error.ShouldContain("eligible gateway(s) of the inventory are not in the list: gw-paris-02\n");
        emptyRun.ExitCode.ShouldBe(2);
        emptyRun.Error.ShouldContain($"{_temp.File("empty.csv")}:1: the list has no rows: run 'cdt generate'");
    }

    [Test]
    public async Task AMissingListIsBadInput()
    {
        var run = await CliRunner.RunAsync(_temp.Path, "validate", "nope.csv");

        run.ExitCode.ShouldBe(2);
        run.Out.ShouldBeEmpty();
        run.Error.ShouldBe($"{_temp.File("nope.csv")}: candidates list not found: run 'cdt generate' first, or check the path\n");
    }

    [Test]
    public async Task AMissingInventoryIsBadInputNotACrash()
    {
        File.Delete(SampleFleet.Inventory(_temp));

        var run = await CliRunner.RunAsync(_temp.Path, "validate", "list.csv");

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldBe($"{SampleFleet.Inventory(_temp)}: inventory file not found: set 'inventory' in cdt.conf to an existing file\n");
    }

    [Test]
    public async Task AStaleListSaysToRegenerate()
    {
        var inventory = SampleFleet.Inventory(_temp);
        await File.WriteAllTextAsync(inventory, (await File.ReadAllTextAsync(inventory)).Replace("version: R80.40", "version: R81.20", StringComparison.Ordinal));

        var run = await CliRunner.RunAsync(_temp.Path, "validate", "list.csv");

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldStartWith($"{_list}:1: the inventory {inventory} changed since this list was generated (addresses, versions or cluster membership changed): the list is stale; run 'cdt generate' again\n");
    }
}
