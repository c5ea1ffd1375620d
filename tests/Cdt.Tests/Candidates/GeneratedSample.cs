using Cdt.Tests.Support;
using Shouldly;

namespace Cdt.Tests.Candidates;

/// <summary>
/// The sample fleet's list as generate wrote it (plain CSV), with its generation record and
/// inventory, generated once per fixture and copied, maybe edited, into each test's folder.
/// </summary>
public sealed class GeneratedSample
{
    private GeneratedSample(byte[] list, string record, string inventory)
    {
        List = list;
        Record = record;
        Inventory = inventory;
    }

    public byte[] List { get; }

    public string ListText => System.Text.Encoding.UTF8.GetString(List);

    public string Record { get; }

    public string Inventory { get; }

    public static async Task<GeneratedSample> CreateAsync()
    {
        using var temp = new TempFolder();
        SampleFleet.CopyTo(temp);
        var run = await CliRunner.RunAsync(temp.Path, "generate", "--candidates", "list.csv");
        run.ExitCode.ShouldBe(0, run.Error);
        return new GeneratedSample(
            await File.ReadAllBytesAsync(temp.File("list.csv")),
            await File.ReadAllTextAsync(temp.File("list.csv.gen.json")),
            await File.ReadAllTextAsync(SampleFleet.Inventory(temp)));
    }

    /// <summary>Writes list.csv, list.csv.gen.json and fleet.yml into <paramref name="temp"/>, each through its edit.</summary>
    public (string List, string Record, string Inventory) CopyTo(
        TempFolder temp, Func<byte[], byte[]>? editList = null, Func<string, string>? editRecord = null, Func<string, string>? editInventory = null)
    {
        var list = temp.File("list.csv");
        File.WriteAllBytes(list, editList is null ? List : editList(List));
        var record = temp.Write("list.csv.gen.json", editRecord is null ? Record : editRecord(Record));
        var inventory = temp.Write("fleet.yml", editInventory is null ? Inventory : editInventory(Inventory));
        return (list, record, inventory);
    }
}
