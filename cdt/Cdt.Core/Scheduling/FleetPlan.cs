namespace Cdt.Scheduling;

/// <summary>A schedule's targets and package as they stand now, or why they cannot be known.</summary>
public sealed record FleetPlan
{
    public IReadOnlyList<string> Targets { get; init; } = [];

    public string Package { get; init; } = string.Empty;

    public string PackageMd5 { get; init; } = string.Empty;

    /// <summary>The schedule's plan installs no package (it only uninstalls): there is nothing to send ahead.</summary>
    public bool NothingToSend { get; init; }

    /// <summary>The list, plan or package could not be read: one line saying what to do.</summary>
    public string? Error { get; init; }

    public static FleetPlan Failed(string error) => new() { Error = error };
}
