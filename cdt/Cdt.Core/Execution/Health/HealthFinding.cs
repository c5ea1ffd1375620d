namespace Cdt.Execution.Health;

/// <summary>
/// One way a target's health went back compared with its baseline: what (<see cref="Kind"/>, and
/// the interface or process when there is one), what it was before and what it is now.
/// </summary>
public sealed record HealthFinding(string Kind, string? Subject, string Before, string After)
{
    public const string Policy = "policy";
    public const string Cluster = "cluster";
    public const string Interface = "interface";
    public const string Process = "process";
    public const string Routes = "routes";

    public string Text => $"{Kind}{(Subject is null ? string.Empty : " " + Subject)}: before {Before}, after {After}";
}
