using System.Text;

namespace Cdt.Tests.Candidates;

/// <summary>Edits an admin could make to a plain candidates list, addressed by object name.</summary>
public static class ListEdits
{
    public static string Order(string text, string name, string value) => Cell(text, name, 5, value);

    public static string Cell(string text, string name, int column, string value) =>
        MapRow(text, name, line =>
        {
            var cells = line.Split(',');
            cells[column] = value;
            return string.Join(',', cells);
        });

    public static string Delete(string text, string name) => MapRows(text, name, _ => []);

    public static string Duplicate(string text, string name) => MapRows(text, name, line => [line, line]);

    public static string InsertAfter(string text, string name, string newLine) => MapRows(text, name, line => [line, newLine]);

    public static string MapRow(string text, string name, Func<string, string> change) => MapRows(text, name, line => [change(line)]);

    /// <summary>Every line through <paramref name="change"/>, header included.</summary>
    public static string MapLines(string text, Func<string, string> change) =>
        string.Concat(Lines(text).Select(l => change(l) + "\n"));

    public static byte[] Utf8(string text) => new UTF8Encoding(false).GetBytes(text);

    private static string MapRows(string text, string name, Func<string, string[]> change)
    {
        var found = false;
        var sb = new StringBuilder();
        foreach (var line in Lines(text))
        {
            if (line.StartsWith(name + ",", StringComparison.Ordinal))
            {
                found = true;
                foreach (var l in change(line))
                {
                    sb.Append(l).Append('\n');
                }
            }
            else
            {
                sb.Append(line).Append('\n');
            }
        }

        return found ? sb.ToString() : throw new ArgumentException($"no row {name} in the list", nameof(name));
    }

    private static string[] Lines(string text) => text.TrimEnd('\n').Split('\n');
}
