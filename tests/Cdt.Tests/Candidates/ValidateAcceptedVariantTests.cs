using Cdt.Host;
using System.Text;
using Cdt.Candidates;
using Cdt.Tests.Support;
using NUnit.Framework;
using Shouldly;
using static Cdt.Tests.Candidates.ListEdits;

namespace Cdt.Tests.Candidates;

/// <summary>Layouts and edits validate must accept: CDT's padded dialect, Excel's habits, and every legal Upgrade Order change.</summary>
public class ValidateAcceptedVariantTests
{
    private GeneratedSample _sample = null!;

    [OneTimeSetUp]
    public async Task GenerateTheSampleList() => _sample = await GeneratedSample.CreateAsync();

    private static IEnumerable<TestCaseData> Layouts()
    {
        yield return Case("CDT's padded dialect as cdt writes it", t => CandidatesCsvWriter.Write(Rows(t), CsvDialect.Padded));
        yield return Case("padding on both sides of each cell, as third-party samples show",
            t => CandidatesColumns.Preamble + "\n" + MapLines(t, l => string.Join(" , ", l.Split(',').Select(c => c.PadLeft(18) + "   "))));
        yield return Case("CRLF line ends", t => t.Replace("\n", "\r\n", StringComparison.Ordinal));
        yield return Case("a UTF-8 BOM", t => "\uFEFF" + t);
        yield return Case("trailing blank lines", t => t + "\n\n   \n\n");
        yield return Case("blank lines between rows", t => t.Replace("\ncl-", "\n\ncl-", StringComparison.Ordinal));
        yield return Case("no newline at the end", t => t.TrimEnd('\n'));
        yield return Case("spaces and tabs around cells", t => MapLines(t, l => string.Join(" ,\t", l.Split(',').Select(c => "  " + c + " \t"))));
        yield return Case("every cell quoted", t => MapLines(t, l => string.Join(',', l.Split(',').Select(c => "\"" + c + "\""))));
        yield return Case("quoted cells with spaces around the quotes", t => MapLines(t, l => string.Join(',', l.Split(',').Select(c => "  \"" + c + "\"  "))));
        yield return Case("Excel's CSV UTF-8: BOM, CRLF and a preamble padded with empty cells",
            t => "\uFEFF" + (CandidatesColumns.Preamble + ",,,,,\n" + t).Replace("\n", "\r\n", StringComparison.Ordinal));
        yield return Case("a header in another letter case", t => t.ToLowerInvariant()[..t.IndexOf('\n')] + t[t.IndexOf('\n')..]);
        yield return Case("the preamble without its colon", t => "Central Deployment Tool Candidates List\n" + t);
    }

    private static IEnumerable<TestCaseData> LegalEdits()
    {
        yield return new TestCaseData((Func<string, string>)(t => Order(t, "gw-paris-02", "-")), "  excluded (-): 1 (gw-paris-02)\n").SetName("{m}(a standalone gateway excluded)");
        yield return new TestCaseData((Func<string, string>)(t => Order(Order(t, "cl-london-m1", "-"), "cl-london-m2", "-")), "  excluded (-): 2 (cl-london-m1, cl-london-m2)\n")
            .SetName("{m}(a whole cluster excluded)");
        yield return new TestCaseData((Func<string, string>)(t => Enumerable.Range(1, 4).Aggregate(t, (x, i) => Order(x, $"sg-lyon-1_{i}", "7"))), "  batch 7: 4 gateway(s), 1 cluster(s): sg-lyon [")
            .SetName("{m}(a whole Security Group moved to a new batch)");
        yield return new TestCaseData((Func<string, string>)(t => Order(t, "gw-paris-01", "0012")), "  batch 12: 1 gateway(s): gw-paris-01\n")
            .SetName("{m}(a batch number with leading zeros)");
        yield return new TestCaseData((Func<string, string>)(t => Order(t, "gw-oslo-01", "999999")), "  batch 999999: 1 gateway(s): gw-oslo-01\n")
            .SetName("{m}(the largest batch number)");
        yield return new TestCaseData((Func<string, string>)(t => Order(Order(t, "gw-rome-01", "n/a"), "gw-berlin-01", "INSTALLED")), "  N/A: 4 (")
            .SetName("{m}(N/A and Installed in another letter case)");
    }

    private static IEnumerable<TestCaseData> HarmlessInventoryChanges()
    {
        yield return new TestCaseData((Func<string, string>)(y => "# reviewed by the change board\n" + y)).SetName("{m}(a comment)");
        yield return new TestCaseData((Func<string, string>)(y => y.Replace("{ name: cl-london-m1, ip: 10.3.1.1, state: active }", "{ name: cl-london-m1, ip: 10.3.1.1, state: standby }", StringComparison.Ordinal)
            .Replace("{ name: cl-london-m2, ip: 10.3.1.2, state: standby }", "{ name: cl-london-m2, ip: 10.3.1.2, state: active }", StringComparison.Ordinal))).SetName("{m}(a failover)");
        yield return new TestCaseData((Func<string, string>)(y => y.Replace("    version: R81.20\n    simulation: { install: 15m }", "    version: R81.20\n    simulation: { install: 30m }", StringComparison.Ordinal)))
            .SetName("{m}(a simulation setting)");
    }

    [TestCaseSource(nameof(Layouts))]
    public void ALayoutIsAcceptedWithTheSameSummary(Func<string, string> layout)
    {
        using var temp = new TempFolder();
        var (list, _, inventory) = _sample.CopyTo(temp, b => Utf8(layout(Encoding.UTF8.GetString(b))));
        var before = File.ReadAllBytes(list);

        var result = ListValidation.ValidateFile(LocalFileStore.Instance, list, inventory);

        result.Problems.ShouldBeEmpty();
        result.Rows.Count.ShouldBe(38);
        ListSummary.Render(result.Rows).ShouldBe(BaseSummary());
        File.ReadAllBytes(list).ShouldBe(before);
    }

    [TestCaseSource(nameof(LegalEdits))]
    public void ALegalEditIsAcceptedAndShowsInTheSummary(Func<string, string> edit, string inSummary)
    {
        using var temp = new TempFolder();
        var (list, _, inventory) = _sample.CopyTo(temp, b => Utf8(edit(Encoding.UTF8.GetString(b))));

        var result = ListValidation.ValidateFile(LocalFileStore.Instance, list, inventory);

        result.Problems.ShouldBeEmpty();
        ListSummary.Render(result.Rows).ShouldContain(inSummary);
    }

    [Test]
    public void RowsInAnotherOrderAreAcceptedAndKeepTheirLines()
    {
        using var temp = new TempFolder();
        var (list, _, inventory) = _sample.CopyTo(temp, b =>
        {
            var lines = Encoding.UTF8.GetString(b).TrimEnd('\n').Split('\n');
            return Utf8(string.Join('\n', lines.Take(1).Concat(lines.Skip(1).Reverse())) + "\n");
        });

        var result = ListValidation.ValidateFile(LocalFileStore.Instance, list, inventory);

        result.Problems.ShouldBeEmpty();
        result.Rows.Count.ShouldBe(38);
        result.Rows[0].ShouldSatisfyAllConditions(r => r.ObjectName.ShouldBe("sg-porto-2_2"), r => r.Line.ShouldBe(2));
    }

    [TestCaseSource(nameof(HarmlessInventoryChanges))]
    public void AnInventoryChangeTheListDoesNotDependOnKeepsItValid(Func<string, string> change)
    {
        using var temp = new TempFolder();
        var (list, _, inventory) = _sample.CopyTo(temp, editInventory: change);
        File.ReadAllText(inventory).ShouldNotBe(_sample.Inventory, "the case must change the inventory file");

        ListValidation.ValidateFile(LocalFileStore.Instance, list, inventory).Problems.ShouldBeEmpty();
    }

    private static TestCaseData Case(string name, Func<string, string> layout) => new TestCaseData(layout).SetName($"{{m}}({name})");

    private string BaseSummary()
    {
        using var temp = new TempFolder();
        var (list, _, inventory) = _sample.CopyTo(temp);
        var result = ListValidation.ValidateFile(LocalFileStore.Instance, list, inventory);
        result.Problems.ShouldBeEmpty();
        return ListSummary.Render(result.Rows);
    }

    private static List<CandidateRow> Rows(string text) =>
        CandidatesCsvReader.Read("list.csv", text).Rows.Select(r => new CandidateRow
        {
            ObjectName = r.Cells[0],
            ClusterName = r.Cells[1],
            IpAddress = r.Cells[2],
            Version = r.Cells[3],
            State = r.Cells[4],
            Order = UpgradeOrder.Parse(r.Cells[5])!,
        }).ToList();
}
