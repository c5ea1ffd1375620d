using Cdt.Diagnostics;

using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Cdt.Yaml;

/// <summary>Parses a YAML file (cdt.conf, an inventory, a plan) into the <see cref="YamlMap"/> of its root.</summary>
public static class YamlFile
{
    /// <summary>
    /// The deepest nesting of mappings and sequences accepted. Real files stay under ten levels;
    /// building nodes recurses once per level, so 100,000 nested '[' would overflow the stack, a
    /// crash no handler can catch: refused before any node is built.
    /// </summary>
    public const int MaxDepth = 64;

    /// <summary>Parses a whole YAML file whose root is a mapping; syntax errors become one diagnostic.</summary>
    public static YamlMap? Load(string path, string text, List<Diagnostic> diagnostics)
    {
        var stream = new YamlStream();
        try
        {
            if (TooDeep(text) is { } mark)
            {
                diagnostics.Add(new Diagnostic(path, (int)mark.Line, (int)mark.Column, $"nested more than {MaxDepth} levels deep: cdt refuses such a file"));
                return null;
            }

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

    // The parser reads events without recursion, so counting depth over them is safe at any depth.
    private static Mark? TooDeep(string text)
    {
        var parser = new Parser(new StringReader(text));
        var depth = 0;
        while (parser.MoveNext())
        {
            switch (parser.Current)
            {
                case YamlDotNet.Core.Events.MappingStart or YamlDotNet.Core.Events.SequenceStart:
                    if (++depth > MaxDepth)
                    {
                        return parser.Current.Start;
                    }

                    break;
                case YamlDotNet.Core.Events.MappingEnd or YamlDotNet.Core.Events.SequenceEnd:
                    depth--;
                    break;
            }
        }

        return null;
    }

    private static string Clean(YamlException e)
    {
        var msg = e.InnerException?.Message ?? e.Message;
        var i = msg.IndexOf("): ", StringComparison.Ordinal);
        return i >= 0 ? msg[(i + 3)..] : msg;
    }
}
