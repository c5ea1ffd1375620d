using Cdt.Host;
using System.Text;
using Cdt.Candidates;
using Cdt.Tests.Support;
using NUnit.Framework;
using Shouldly;
using static Cdt.Tests.Candidates.ListEdits;

namespace Cdt.Tests.Candidates;

/// <summary>
/// Every way an admin can break a generated list, each with the exact messages and lines validate
/// must report, and the proof that validate left the file as it was.
/// </summary>
public class ValidateBadEditTests
{
    private const string Rule = "use a batch number (1, 2, ...) or '-' to exclude it";
    private const string OnlyOrder = "only Upgrade Order may be edited";
    private const string Header = "Object Name, Cluster Name, IP Address, Version, State, Upgrade Order";

    private GeneratedSample _sample = null!;

    [OneTimeSetUp]
    public async Task GenerateTheSampleList() => _sample = await GeneratedSample.CreateAsync();

    private static IEnumerable<BadEdit> Cases()
    {
        yield return BadEdit.Text("a changed Cluster Name", t => Cell(t, "gw-paris-03", 1, "cl-london"),
            $"4: Cluster Name of gw-paris-03 changed from '' to 'cl-london': {OnlyOrder}");
        yield return BadEdit.Text("a changed IP Address", t => Cell(t, "gw-nantes-02", 2, "10.1.2.22"),
            $"6: IP Address of gw-nantes-02 changed from '10.1.2.2' to '10.1.2.22': {OnlyOrder}");
        yield return BadEdit.Text("a changed Version", t => Cell(t, "gw-lille-01", 3, "R82"),
            $"7: Version of gw-lille-01 changed from 'R81.20' to 'R82': {OnlyOrder}");
        yield return BadEdit.Text("a changed State", t => Cell(t, "cl-london-m1", 4, "standby"),
            $"12: State of cl-london-m1 changed from 'active' to 'standby': {OnlyOrder}");
        yield return BadEdit.Text("a renamed object", t => Cell(t, "gw-paris-02", 0, "gw-paris-22"),
            "3: gw-paris-22 is not in the generated list: rows cannot be added (run 'cdt generate' to pick up new gateways)",
            "3: gw-paris-02 is missing (it was on line 3 when generated): rows cannot be removed; put '-' in Upgrade Order to exclude it");
        yield return BadEdit.Text("an emptied Object Name", t => Cell(t, "gw-paris-02", 0, string.Empty),
            $"3: Object Name is empty: {OnlyOrder}",
            "3: gw-paris-02 is missing (it was on line 3 when generated): rows cannot be removed; put '-' in Upgrade Order to exclude it");
        yield return BadEdit.Text("N/A changed to a batch", t => Order(t, "gw-rome-01", "2"),
            "10: gw-rome-01 was 'N/A' when generated and must stay 'N/A' (found '2'): it is not eligible (version R80.40 is not one the package applies to (R81.20))");
        yield return BadEdit.Text("N/A changed to -", t => Order(t, "cl-lisbon-m1", "-"),
            "22: cl-lisbon-m1 was 'N/A' when generated and must stay 'N/A' (found '-'): it is not eligible (ClusterXL Load Sharing clusters are not supported by CDT)");
        yield return BadEdit.Text("N/A changed to a word", t => Order(t, "gw-madrid-01", "one"),
            "11: gw-madrid-01 was 'N/A' when generated and must stay 'N/A' (found 'one'): it is not eligible (unreachable: ssh: connect to host 10.2.3.1 port 22: Connection refused)");
        yield return BadEdit.Text("Installed changed to a batch", t => Order(t, "gw-berlin-01", "3"),
            "9: gw-berlin-01 was 'Installed' when generated and must stay 'Installed' (found '3')");
        yield return BadEdit.Text("Installed changed to -", t => Order(t, "gw-berlin-01", "-"),
            "9: gw-berlin-01 was 'Installed' when generated and must stay 'Installed' (found '-')");
        yield return BadEdit.Text("an eligible row marked N/A", t => Order(t, "gw-oslo-01", "N/A"),
            "8: gw-oslo-01 is marked 'N/A', which only generate may write: use a batch number or '-' to exclude it");
        yield return BadEdit.Text("an eligible row marked Installed", t => Order(t, "gw-paris-03", "Installed"),
            "4: gw-paris-03 is marked 'Installed', which only generate may write: use a batch number or '-' to exclude it");
        foreach (var bad in new[] { "0", "-1", "1.5", "one", "1 2", "1000000", "+1", "1e3", "２" })
        {
            yield return BadEdit.Text($"batch '{bad}'", t => Order(t, "gw-nantes-01", bad),
                $"5: Upgrade Order of gw-nantes-01 is '{bad}': {Rule}");
        }

        yield return BadEdit.Text("an empty batch", t => Order(t, "gw-nantes-01", string.Empty),
            $"5: Upgrade Order of gw-nantes-01 is empty: {Rule}");
        yield return BadEdit.Text("a quoted batch with a comma", t => Order(t, "gw-nantes-01", "\"1,2\""),
            $"5: Upgrade Order of gw-nantes-01 is '1,2': {Rule}");
        yield return BadEdit.Text("a split cluster", t => Order(t, "cl-dublin-m2", "5"),
            "15: cluster cl-dublin is split across batches 3 (cl-dublin-m1, line 14) and 5 (cl-dublin-m2): all members of a cluster must be in the same batch");
        yield return BadEdit.Text("a cluster split three ways", t => Order(Order(t, "cl-zurich-m2", "5"), "cl-zurich-m3", "6"),
            "20: cluster cl-zurich is split across batches 3 (cl-zurich-m1, line 19) and 5 (cl-zurich-m2): all members of a cluster must be in the same batch",
            "21: cluster cl-zurich is split across batches 3 (cl-zurich-m1, line 19) and 6 (cl-zurich-m3): all members of a cluster must be in the same batch");
        yield return BadEdit.Text("a partly excluded cluster", t => Order(t, "cl-london-m2", "-"),
            "13: cluster cl-london is partly excluded: cl-london-m2 is '-' but cl-london-m1 is in batch 2: exclude all members or none");
        yield return BadEdit.Text("a split Security Group", t => Order(t, "sg-geneva-2_1", "5"),
            "33: Security Group sg-geneva is split across batches 4 (sg-geneva-1_1, line 30) and 5 (sg-geneva-2_1): all members of a Security Group must be in the same batch");
        yield return BadEdit.Text("a partly excluded Security Group", t => Order(t, "sg-lyon-1_1", "-"),
            "27: Security Group sg-lyon is partly excluded: sg-lyon-1_1 is '-' but sg-lyon-1_2 is in batch 4: exclude all members or none");
        yield return BadEdit.Text("an added row", t => InsertAfter(t, "gw-oslo-01", "gw-new-01,,10.9.9.9,R81.20,,2"),
            "9: gw-new-01 is not in the generated list: rows cannot be added (run 'cdt generate' to pick up new gateways)");
        yield return BadEdit.Text("a removed row", t => Delete(t, "gw-oslo-01"),
            "8: gw-oslo-01 is missing (it was on line 8 when generated): rows cannot be removed; put '-' in Upgrade Order to exclude it");
        yield return BadEdit.Text("a duplicated row", t => Duplicate(t, "gw-oslo-01"),
            "9: gw-oslo-01 appears twice (first on line 8)");
        yield return BadEdit.Text("a removed cluster member", t => Delete(t, "cl-vienna-m2"),
            "18: cl-vienna-m2 is missing (it was on line 18 when generated): rows cannot be removed; put '-' in Upgrade Order to exclude it");
        yield return BadEdit.Text("seven columns", t => MapRow(t, "gw-nantes-01", l => l + ",x"),
            $"5: 7 columns, expected 6 ({Header})");
        yield return BadEdit.Text("five columns", t => MapRow(t, "gw-nantes-01", l => l[..l.LastIndexOf(',')]),
            $"5: 5 columns, expected 6 ({Header})");
        yield return BadEdit.Text("an unclosed quote", t => MapRow(t, "gw-nantes-01", l => "\"" + l),
            "5: unbalanced quotes: a quoted cell is not closed on this line");
        yield return BadEdit.Text("a quote inside a cell", t => Cell(t, "gw-nantes-01", 3, "R81\"20"),
            "5: unbalanced quotes: a quote inside an unquoted cell");
        yield return BadEdit.Text("text after a closing quote", t => Cell(t, "gw-nantes-01", 3, "\"R81.20\"x"),
            "5: unbalanced quotes: text follows a closing quote in the same cell");
        yield return BadEdit.Text("a semicolon-separated file", t => t.Replace(',', ';'),
            "1: this file is separated by semicolons, not commas (Excel saves CSV that way in some locales): save it as \"CSV UTF-8 (Comma delimited)\" or replace every ';' with ',' in a text editor");
        yield return BadEdit.Text("one semicolon-separated row", t => MapRow(t, "gw-nantes-01", l => l.Replace(',', ';')),
            $"5: 1 column, expected 6 ({Header}) (this line is separated by semicolons: use commas)");
        yield return new BadEdit("a UTF-16 file", b => Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(Encoding.UTF8.GetString(b))).ToArray(),
            "1: this file is UTF-16 (Excel's \"Unicode Text\"): save it as \"CSV UTF-8 (Comma delimited)\"");
        yield return BadEdit.Text("a missing header", t => t[(t.IndexOf('\n') + 1)..],
            $"1: expected the header \"{Header}\", found \"gw-paris-01,,10.1.1.1,R81.20,,1\"");
        yield return BadEdit.Text("reordered columns", t => MapLines(t, l => string.Join(',', l.Split(',').Reverse())),
            "1: expected the header \"Object Name, Cluster Name, IP Address, Version, State, Upgrade Order\", found \"Upgrade Order,State,Version,IP Address,Cluster Name,Object Name\"");
        yield return BadEdit.Text("an empty file", _ => string.Empty,
            $"1: the file is empty: expected the header \"{Header}\" and one row per gateway");
        yield return BadEdit.Text("a file of blank lines", _ => "\n\n  \n",
            $"3: the file is empty: expected the header \"{Header}\" and one row per gateway");
        yield return BadEdit.Text("an inventory changed since generation", t => t,
            "1: the inventory {inventory} changed since this list was generated (addresses, versions or cluster membership changed): the list is stale; run 'cdt generate' again") with
        {
            EditInventory = y => y.Replace("ip: 10.1.1.2", "ip: 10.1.1.20", StringComparison.Ordinal),
        };
        yield return BadEdit.Text("a gateway added to the inventory since generation", t => t,
            "1: the inventory {inventory} changed since this list was generated (1 object(s) added, 0 removed): the list is stale; run 'cdt generate' again") with
        {
            EditInventory = y => y.Replace("gateways:\n", "gateways:\n  - { name: gw-new-01, ip: 10.9.9.9, version: R81.20 }\n", StringComparison.Ordinal),
        };
        yield return BadEdit.Text("a damaged generation record", t => t,
            "1: generation record {record} is damaged (not the JSON generate wrote at line 1): run 'cdt generate' again") with
        {
            EditRecord = r => r[..(r.Length / 2)],
        };
        yield return BadEdit.Text("an emptied generation record", t => t,
            "1: generation record {record} is damaged (not the JSON generate wrote at line 1): run 'cdt generate' again") with
        {
            EditRecord = _ => string.Empty,
        };
        yield return BadEdit.Text("a generation record with a row cut short", t => t,
            "1: generation record {record} is damaged (not the JSON generate wrote at line 1): run 'cdt generate' again") with
        {
            EditRecord = r => r.Replace("[\"gw-paris-02\",\"\",", "[\"gw-paris-02\",", StringComparison.Ordinal),
        };
        yield return BadEdit.Text("rows moved and one of them changed", t => Order(Cell(Delete(t, "gw-paris-02"), "gw-oslo-01", 3, "R82"), "gw-lille-01", "4"),
            "3: gw-paris-02 is missing (it was on line 3 when generated): rows cannot be removed; put '-' in Upgrade Order to exclude it",
            $"7: Version of gw-oslo-01 changed from 'R81.20' to 'R82': {OnlyOrder}");
        yield return BadEdit.Text("a generation record of another format", t => t,
            "1: generation record {record} has format 9, and this cdt reads format 2: run 'cdt generate' again") with
        {
            EditRecord = r => r.Replace("\"format\":2", "\"format\":9", StringComparison.Ordinal),
        };
        yield return BadEdit.Text("several problems at once, reported in line order",
            t => Order(Cell(Order(t, "cl-dublin-m3", "9"), "gw-paris-03", 3, "R82"), "gw-rome-01", "1"),
            $"4: Version of gw-paris-03 changed from 'R81.20' to 'R82': {OnlyOrder}",
            "10: gw-rome-01 was 'N/A' when generated and must stay 'N/A' (found '1'): it is not eligible (version R80.40 is not one the package applies to (R81.20))",
            "16: cluster cl-dublin is split across batches 3 (cl-dublin-m1, line 14) and 9 (cl-dublin-m3): all members of a cluster must be in the same batch");
        yield return BadEdit.Text("a changed cell on a row with a bad batch: both reported", t => Order(Cell(t, "gw-oslo-01", 2, "10.1.4.9"), "gw-oslo-01", "x"),
            $"8: IP Address of gw-oslo-01 changed from '10.1.4.1' to '10.1.4.9': {OnlyOrder}",
            $"8: Upgrade Order of gw-oslo-01 is 'x': {Rule}");
    }

    [TestCaseSource(nameof(Cases))]
    public void ABadEditIsReportedExactlyAndTheFileIsLeftAsItWas(BadEdit edit)
    {
        using var temp = new TempFolder();
        var (list, record, inventory) = _sample.CopyTo(temp, edit.EditList, edit.EditRecord, edit.EditInventory);
        var before = File.ReadAllBytes(list);
        var recordBefore = File.ReadAllBytes(record);

        var result = ListValidation.ValidateFile(LocalFileStore.Instance, list, inventory);

        result.Problems.Select(p => $"{p.Line}: {p.Message}").ShouldBe(
            edit.Expected.Select(e => e.Replace("{list}", list, StringComparison.Ordinal).Replace("{record}", record, StringComparison.Ordinal).Replace("{inventory}", inventory, StringComparison.Ordinal)));
        result.Problems.ShouldAllBe(p => p.Path == list);
        result.Rows.ShouldBeEmpty();
        File.ReadAllBytes(list).ShouldBe(before);
        File.ReadAllBytes(record).ShouldBe(recordBefore);
        Directory.GetFiles(temp.Path).Length.ShouldBe(3, "validate must not leave files behind");
    }
}
