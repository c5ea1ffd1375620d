namespace Cdt.Cli;

/// <summary>
/// Maps the real CDT's flag style onto cdt's commands, so scripts written for CDT keep working:
/// <c>-generate -candidates=x.csv -deploymentplan=p.xml -filter=f.txt</c>,
/// <c>-execute -candidates=x.csv</c>, <c>-install x.csv</c>, <c>-preparations x.csv</c>,
/// <c>-extended_preparations x.csv</c>.
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
        foreach (var arg in args.Skip(1))
        {
            var eq = arg.IndexOf('=', StringComparison.Ordinal);
            var (key, value) = arg.StartsWith('-') && !arg.StartsWith("--", StringComparison.Ordinal) && eq > 0 ? (arg[..eq].ToLowerInvariant(), arg[(eq + 1)..]) : (arg, null);
            switch (key)
            {
                case "-candidates" when generate:
                    result.Add("--candidates");
                    result.Add(value!);
                    break;
                case "-candidates":
                    result.Add(value!);
                    break;
                case "-deploymentplan":
                    result.Add("--plan");
                    result.Add(value!);
                    break;
                case "-filter":
                    result.Add("--filter");
                    result.Add(value!);
                    break;
                case "-server":
                    result.Add("--server");
                    result.Add(value!);
                    break;
                case "-config":
                    result.Add("--config");
                    result.Add(value!);
                    break;
                default:
                    if (generate && !arg.StartsWith('-'))
                    {
                        // Basic-mode style: "-generate list.csv".
                        result.Add("--candidates");
                    }

                    result.Add(arg);
                    break;
            }
        }

        return [.. result];
    }
}
