using Cdt.Diagnostics;
using Cdt.Formats;
using Cdt.Yaml;

using Cdt.Storage;

namespace Cdt.Plans;

/// <summary>
/// Reads a plan file in either format (an XML plan starts with '&lt;'). <see cref="Load"/> throws
/// every structural problem at once; <see cref="Read"/> collects them for <c>plan check</c>.
/// </summary>
public static class PlanLoader
{
    public static Plan Load(IFileStore files, string path)
    {
        var diagnostics = new List<Diagnostic>();
        var plan = Read(files, path, diagnostics);
        return plan is not null && diagnostics.Count == 0 ? plan : throw new CdtInputException(diagnostics);
    }

    public static Plan? Read(IFileStore files, string path, List<Diagnostic> diagnostics)
    {
        if (!files.FileExists(path))
        {
            throw new CdtInputException(path, null, null, "deployment plan not found");
        }

        var text = InputLimits.ReadText(files, path, "the deployment plan");
        return IsXml(text) ? XmlPlanReader.Read(path, text, diagnostics) : YamlPlanReader.Read(path, text, diagnostics);
    }

    public static bool IsXml(string text) => text.TrimStart('\uFEFF', ' ', '\t', '\r', '\n').StartsWith('<');
}
