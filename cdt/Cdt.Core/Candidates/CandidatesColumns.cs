namespace Cdt.Candidates;

/// <summary>CDT's six columns, in CDT's order.</summary>
public static class CandidatesColumns
{
    public const string Preamble = "Central Deployment Tool Candidates List:";

    public static readonly IReadOnlyList<string> Names = ["Object Name", "Cluster Name", "IP Address", "Version", "State", "Upgrade Order"];

    public static readonly string HeaderText = string.Join(", ", Names);

    /// <summary>Minimum cell widths of CDT's padded layout.</summary>
    public static readonly IReadOnlyList<int> PaddedWidths = [20, 20, 14, 16, 20, 13];
}
