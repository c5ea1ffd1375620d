namespace Cdt.Execution;

/// <summary>What an execute produced: the run's result and where its files are.</summary>
public sealed record ExecuteOutcome(RunResult Run, string RunFolder, string ResultsPath, string SummaryPath, string JournalPath, string ReportPath)
{
    /// <summary>Set when the system refused a final report (a full disk): <c>cannot write PATH: REASON</c>. The journal is complete.</summary>
    public string? ReportError { get; init; }
}
