namespace Cdt.Reporting.Html;

/// <summary>A timed line of the report (a cluster phase, a note, a health finding); Target may be empty.</summary>
public sealed record ReportEntry(string At, string Target, string Text);
