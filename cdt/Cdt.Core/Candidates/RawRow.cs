namespace Cdt.Candidates;

/// <summary>A data line of a list file as read: its line number and six trimmed cells.</summary>
public sealed record RawRow(int Line, IReadOnlyList<string> Cells)
{
    public string ObjectName => Cells[0];

    public string ClusterName => Cells[1];

    public string OrderText => Cells[5];
}
