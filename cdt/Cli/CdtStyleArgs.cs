namespace Cdt.Cli;

/// <summary>
/// Maps the real CDT's flag style onto cdt's commands, so scripts written for CDT keep working:
/// <c>-generate -candidates=x.csv -deploymentplan=p.xml -filter=f.txt</c>,
/// <c>-execute -candidates=x.csv</c>, <c>-install x.csv</c>, <c>-preparations x.csv</c>,
/// <c>-extended_preparations x.csv</c>. A CDT flag takes its value after <c>=</c> or as the next word.
/// </summary>
public static class CdtStyleArgs
{
    private static readonly Dictionary<string, string[]> Verbs = new(StringComparer.OrdinalIgnoreCase)
    {
        ["-generate"] = ["generate"],
        ["-execute"] = ["execute"],
        ["-install"] = ["execute"],
        ["-preparations"] = ["prepare"],
        ["-extended_preparations"] = ["prepare", "--extended"],
        ["-validate"] = ["validate"],
    };

    /// <summary>CDT's flags and cdt's options they become; null: the value is the command's list argument.</summary>
    private static readonly Dictionary<string, string?> Flags = new(StringComparer.OrdinalIgnoreCase)
    {
        ["-candidates"] = null,
        ["-deploymentplan"] = "--plan",
        ["-filter"] = "--filter",
        ["-server"] = "--server",
        ["-config"] = "--config",
    };

    public static bool IsCdtStyle(IReadOnlyList<string> args) => args.Count > 0 && Verbs.ContainsKey(args[0]);

    public static string[] Translate(IReadOnlyList<string> args)
    {
        if (!IsCdtStyle(args))
        {
            return [.. args];
        }

        var verb = Verbs[args[0]];
        var generate = verb[0] == "generate";
        var result = new List<string>(verb);
        for (var i = 1; i < args.Count; i++)
        {
            var arg = args[i];
            var eq = arg.IndexOf('=', StringComparison.Ordinal);
            var key = eq > 0 ? arg[..eq] : arg;
            if (arg.StartsWith("--", StringComparison.Ordinal) || !Flags.TryGetValue(key, out var option))
            {
                // Basic-mode style "-generate list.csv": the word right after the verb is the list.
                if (generate && i == 1 && !arg.StartsWith('-'))
                {
                    result.Add("--candidates");
                }

                result.Add(arg);
                continue;
            }

            var value = eq > 0 ? arg[(eq + 1)..] : i + 1 < args.Count ? args[++i] : string.Empty;
            if (value.Length == 0)
            {
                // A flag without its value stays as written, so the parser reports it by name.
                result.Add(arg);
                continue;
            }

            option ??= generate ? "--candidates" : null;
            if (option is not null)
            {
                result.Add(option);
            }

            result.Add(value);
        }

        return [.. result];
    }
}
