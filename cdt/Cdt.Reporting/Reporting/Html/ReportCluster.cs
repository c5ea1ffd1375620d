namespace Cdt.Reporting.Html;

/// <summary>A cluster (or other multi-member unit) with the phases its choreography journaled.</summary>
public sealed record ReportCluster(string Name, int Batch, string Outcome, IReadOnlyList<ReportEntry> Phases);
