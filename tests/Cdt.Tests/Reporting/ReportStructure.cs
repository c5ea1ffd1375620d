using AngleSharp.Dom;

namespace Cdt.Tests.Reporting;

/// <summary>What report.html's structure tests read from the document.</summary>
public static class ReportStructure
{
    /// <summary>The ids of the body's sections, in document order.</summary>
    public static IReadOnlyList<string> Sections(IDocument doc) => doc.QuerySelectorAll("body > section").Select(s => s.Id ?? string.Empty).ToList();

    public static IReadOnlyList<string> TargetNames(IDocument doc) => doc.QuerySelectorAll("tr.target td.n").Select(c => c.TextContent).ToList();
}
