using Cdt.Diagnostics;

using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Cdt.Yaml;

/// <summary>Parses a YAML file (cdt.conf, an inventory, a plan) into the <see cref="YamlMap"/> of its root.</summary>
public static class YamlFile
{
    /// <summary>Parses a whole YAML file whose root is a mapping; syntax errors become one diagnostic.</summary>
    public static YamlMap? Load(string path, string text, List<Diagnostic> diagnostics)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            diagnostics.Add(new Diagnostic(path, (int)e.Start.Line, (int)e.Start.Column, "YAML syntax error: " + Clean(e)));
            return null;
        }

        if (stream.Documents.Count == 0)
        {
            diagnostics.Add(new Diagnostic(path, 1, 1, "the file is empty"));
            return null;
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            var n = stream.Documents[0].RootNode;
            diagnostics.Add(new Diagnostic(path, (int)n.Start.Line, (int)n.Start.Column, "expected a mapping of 'key: value' at the top level"));
            return null;
        }

        return new YamlMap(root, path, diagnostics);
    }

    private static string Clean(YamlException e)
    {
        var msg = e.InnerException?.Message ?? e.Message;
        var i = msg.IndexOf("): ", StringComparison.Ordinal);
        return i >= 0 ? msg[(i + 3)..] : msg;
    }
}
