using System.Text.Encodings.Web;
using System.Text.Unicode;
using Cdt.Execution;
using Cdt.Storage;
using Fluid;

namespace Cdt.Reporting.Html;

/// <summary>
/// report.html: one self-contained page (no script, no network) rendered from a run's journal
/// with the embedded Liquid template. Every value is HTML-encoded on output: gateway names and
/// messages come from gateways and people.
/// </summary>
public static class HtmlReport
{
    public const string FileName = "report.html";

    private static readonly Lazy<IFluidTemplate> Template = new(Parse);

    // Strict: a misspelt name in the template fails the tests instead of rendering nothing.
    private static readonly TemplateOptions Options = new TemplateOptionsBuilder().WithStrictVariables().Build();

    // Encodes markup characters and quotes, keeps non-ASCII names readable.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>Reads the folder's journal and writes report.html beside it; returns its path.</summary>
    public static string Write(IFileStore files, string folder, IReadOnlyList<ReportRosterEntry>? roster)
    {
        var events = RunJournal.Read(files, Path.Combine(folder, ExecutionService.JournalName));
        var path = Path.Combine(folder, FileName);
        var html = Render(ReportModelBuilder.Build(events, roster));
        files.WriteAtomic(path, stream =>
        {
            using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false), 1 << 16, leaveOpen: true);
            writer.Write(html);
        });
        return path;
    }

    public static string Render(ReportModel model) =>
        Template.Value.Render(new TemplateContext(model, Options), Encoder);

    private static IFluidTemplate Parse()
    {
        using var stream = typeof(HtmlReport).Assembly.GetManifestResourceStream("Cdt.Reporting.Html.RunReport.liquid")
            ?? throw new InvalidOperationException("the report template is not embedded in Cdt.Reporting");
        using var reader = new StreamReader(stream);
        return new FluidParser().TryParse(reader.ReadToEnd(), out var template, out var error)
            ? template
            : throw new InvalidOperationException("the report template does not parse: " + error);
    }
}
