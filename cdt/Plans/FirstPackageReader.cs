using System.Xml;
using System.Xml.Linq;
using Cdt.Config;
using Cdt.Files;
using YamlDotNet.RepresentationModel;

namespace Cdt.Plans;

/// <summary>
/// Finds the first package action of a deployment plan (YAML or CDT XML): in Advanced mode it
/// decides which gateways are candidates, as in CDT.
/// </summary>
public static class FirstPackageReader
{
    public static readonly IReadOnlySet<string> PackageActions = new HashSet<string>(StringComparer.Ordinal)
    {
        "send_package", "import_package", "verify_package", "install_package", "upgrade_package",
    };

    public static PackageSpec Read(string planPath)
    {
        if (!File.Exists(planPath))
        {
            throw new CdtInputException(planPath, null, null, "deployment plan not found");
        }

        var text = File.ReadAllText(planPath);
        var folder = Path.GetDirectoryName(Path.GetFullPath(planPath))!;
        return text.TrimStart().StartsWith('<') ? FromXml(planPath, text, folder) : FromYaml(planPath, text, folder);
    }

    private static PackageSpec FromYaml(string path, string text, string folder)
    {
        var diagnostics = new List<Diagnostic>();
        var root = YamlMap.Load(path, text, diagnostics) ?? throw new CdtInputException(diagnostics);
        foreach (var action in root.MapList("actions"))
        {
            var name = action.String("action");
            if (name is not null && PackageActions.Contains(name) && action.String("path") is { } p)
            {
                var versions = action.StringList("versions");
                var spec = PackageSpec.FromFile(Path.IsPathRooted(p) ? p : Path.GetFullPath(Path.Combine(folder, p)), action.String("name"), versions,
                    name == "upgrade_package" ? PackageKind.Upgrade : PackageKind.Hotfix);
                return spec.Versions.Count > 0 ? spec : throw new CdtInputException(path, action.Line, action.Column,
                    $"{name}: add 'versions' (cannot tell which Gaia versions '{spec.FileName}' applies to from its name)");
            }
        }

        throw new CdtInputException(path, root.Line, root.Column, "the plan has no package action (" + string.Join(", ", PackageActions) + ") with a 'path': generate needs one to decide eligibility");
    }

    private static PackageSpec FromXml(string path, string text, string folder)
    {
        XDocument doc;
        try
        {
            doc = XDocument.Parse(text, LoadOptions.SetLineInfo);
        }
        catch (XmlException e)
        {
            throw new CdtInputException(path, e.LineNumber, e.LinePosition, "XML syntax error: " + e.Message);
        }

        foreach (var element in doc.Root?.Elements() ?? [])
        {
            if (PackageActions.Contains(element.Name.LocalName) && element.Attribute("path")?.Value is { } p)
            {
                var spec = PackageSpec.FromFile(Path.IsPathRooted(p) ? p : Path.GetFullPath(Path.Combine(folder, p)));
                var line = ((IXmlLineInfo)element).LineNumber;
                return spec.Versions.Count > 0 ? spec : throw new CdtInputException(path, line, null,
                    $"cannot tell which Gaia versions '{spec.FileName}' applies to from its name: use a YAML plan with 'versions'");
            }
        }

        throw new CdtInputException(path, 1, null, "the plan has no package action with a 'path': generate needs one to decide eligibility");
    }
}
