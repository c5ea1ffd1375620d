namespace Cdt.Tests.Candidates;

/// <summary>
/// One row of the bad-edit table: what the admin did to the list (and maybe to the inventory or
/// the generation record), and every problem validate must report, as "LINE: message".
/// In messages, {list}, {record} and {inventory} stand for the case's file paths.
/// </summary>
public sealed record BadEdit(string Name, Func<byte[], byte[]> EditList, params string[] Expected)
{
    public Func<string, string>? EditInventory { get; init; }

    public Func<string, string>? EditRecord { get; init; }

    public static BadEdit Text(string name, Func<string, string> edit, params string[] expected) =>
        new(name, bytes => ListEdits.Utf8(edit(System.Text.Encoding.UTF8.GetString(bytes))), expected);

    public override string ToString() => Name;
}
