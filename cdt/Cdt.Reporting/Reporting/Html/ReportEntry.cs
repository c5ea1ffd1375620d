namespace Cdt.Reporting.Html;

/// <summary>A timed line of the report (a cluster phase, a note, a health finding); Target may be empty.</summary>
public sealed record ReportEntry(string At, string Target, string Text)
{
    /// <summary>
    /// A journal time as the report shows it, "2026-11-22 01:28:05": the run's offset is in the
    /// summary once, not on every line (at 10,000 targets it cost the report 160 kB).
    /// </summary>
    public static ReportEntry Of(string journalAt, string target, string text) =>
        new(journalAt.Length >= 19 && journalAt[10] == 'T' ? journalAt[..10] + " " + journalAt[11..19] : journalAt, target, text);
}
