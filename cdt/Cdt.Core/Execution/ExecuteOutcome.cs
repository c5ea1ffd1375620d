namespace Cdt.Execution;

/// <summary>What an execute produced: the run's result and where its files are.</summary>
public sealed record ExecuteOutcome(RunResult Run, string RunFolder, string ResultsPath, string SummaryPath, string JournalPath, string ReportPath);
