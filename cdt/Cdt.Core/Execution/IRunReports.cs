namespace Cdt.Execution;

/// <summary>
/// What a run folder gets besides its journal: status files and logs kept current while the run
/// goes on, then the results and the summary. The adapter is <c>Cdt.Reporting.RunFolderReports</c>.
/// </summary>
public interface IRunReports
{
    IRunFolderReports Open(RunFolderInfo run);
}

/// <summary>The reports of one open run folder; disposing closes its logs.</summary>
public interface IRunFolderReports : IDisposable
{
    /// <summary>Observers that keep the folder's status files and logs current.</summary>
    IReadOnlyList<IRunObserver> Observers { get; }

    /// <summary>Writes the results, the summary, the HTML report and the final status of the run as it stands.</summary>
    RunReportPaths Finish(RunPlan plan, RunState state, RunResult result);
}

/// <summary>A run folder and what its reports need to know about the run.</summary>
public sealed record RunFolderInfo
{
    public required string ListPath { get; init; }

    public required string Folder { get; init; }

    public DateTimeOffset? Deadline { get; init; }

    public required TimeSpan StatusInterval { get; init; }

    /// <summary>The NLog configuration file, if any.</summary>
    public string? LogConfig { get; init; }

    /// <summary>The generation record's reason per row name, for results.csv.</summary>
    public required IReadOnlyDictionary<string, string> Reasons { get; init; }
}

public sealed record RunReportPaths(string Results, string Summary, string Report);
