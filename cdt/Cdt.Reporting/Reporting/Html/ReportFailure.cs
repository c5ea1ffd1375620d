namespace Cdt.Reporting.Html;

/// <summary>A failed target with the step that failed and its message, listed before everything else.</summary>
public sealed record ReportFailure(string Name, int Batch, string Unit, string Step, string Message);
