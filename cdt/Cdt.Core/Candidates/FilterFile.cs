using Cdt.Diagnostics;
using Cdt.Formats;
using Cdt.Yaml;
using Cdt.Fleet;

using Cdt.Storage;

namespace Cdt.Candidates;

/// <summary>Reads a filter file: one object name per line; blank lines and <c>#</c> comments are ignored.</summary>
public static class FilterFile
{
    public static IReadOnlySet<string> Read(IFileStore files, string path)
    {
        if (!files.FileExists(path))
        {
            throw new CdtInputException(path, null, null, "filter file not found");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        var lineNo = 0;
        var problems = new List<Diagnostic>();
        foreach (var raw in files.ReadLines(path))
        {
            lineNo++;
            var line = raw.Trim().TrimStart('\uFEFF');
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (!Names.IsObjectName(line))
            {
                problems.Add(new Diagnostic(path, lineNo, 1, $"'{line}' is not an object name ({Names.ObjectNameRule})"));
                continue;
            }

            names.Add(line);
        }

        return problems.Count > 0 ? throw new CdtInputException(problems) : names;
    }
}
