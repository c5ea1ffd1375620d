namespace Cdt.Reporting.Html;

/// <summary>A target the run was to work on, so the report lists it even if the journal never reached it.</summary>
public sealed record ReportRosterEntry(string Name, string Unit, int Batch);
