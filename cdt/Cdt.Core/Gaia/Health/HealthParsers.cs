using System.Globalization;
using System.Text.RegularExpressions;

namespace Cdt.Gaia.Health;

/// <summary>
/// Parsers for the read-only commands of a health snapshot: <c>cpstat -f policy fw</c>,
/// <c>show route summary</c>, <c>ip -o link show</c>, <c>cpwd_admin list</c>, <c>cplic print</c>.
/// Each reads only the lines it needs and skips the rest (Clish's config-lock notice, tables it
/// does not use), and says what it did not understand.
/// </summary>
public static partial class HealthParsers
{
    [GeneratedRegex(@"^\s*Total\b[^\d\n]*(\d+)\s*$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex TotalLine();

    [GeneratedRegex(@"^\d+:\s+(?<name>[^:@\s]+)(?:@\S+)?:\s+<(?<flags>[^>]*)>(?:.*?\bstate\s+(?<state>[A-Z]+))?", RegexOptions.CultureInvariant)]
    private static partial Regex LinkLine();

    public static Parsed<InstalledPolicy> Policy(string output)
    {
        string? name = null;
        string? installed = null;
        foreach (var raw in Lines(output))
        {
            var line = raw.Trim();
            if (line.StartsWith("Policy name:", StringComparison.OrdinalIgnoreCase))
            {
                name = line["Policy name:".Length..].Trim();
            }
            else if (line.Contains("install time:", StringComparison.OrdinalIgnoreCase))
            {
                installed = line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
            }
        }

        return name is null
            ? Parsed<InstalledPolicy>.Failure("no 'Policy name:' line in 'cpstat -f policy fw': " + GaiaText.Excerpt(output))
            : Parsed<InstalledPolicy>.Success(new InstalledPolicy(name, string.IsNullOrEmpty(installed) ? null : installed));
    }

    /// <summary>The sum of the <c>Total</c> lines (one per address family when IPv6 is on).</summary>
    public static Parsed<RouteSummary> Routes(string output)
    {
        var totals = TotalLine().Matches(output);
        if (totals.Count == 0)
        {
            return Parsed<RouteSummary>.Failure("no 'Total' line in 'show route summary': " + GaiaText.Excerpt(output));
        }

        var sum = totals.Sum(m => long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));
        return sum > int.MaxValue
            ? Parsed<RouteSummary>.Failure("route total out of range in 'show route summary': " + GaiaText.Excerpt(output))
            : Parsed<RouteSummary>.Success(new RouteSummary((int)sum));
    }

    /// <summary>
    /// One line per interface (<c>-o</c>). The link is up when the kernel reports a carrier
    /// (<c>LOWER_UP</c>) on an interface set up (<c>UP</c>); <c>state UP</c> alone also counts.
    /// </summary>
    public static Parsed<IReadOnlyList<LinkState>> Interfaces(string output)
    {
        var links = new List<LinkState>();
        foreach (var raw in Lines(output))
        {
            var m = LinkLine().Match(raw.Trim());
            if (!m.Success)
            {
                continue;
            }

            var flags = m.Groups["flags"].Value.Split(',');
            var up = (flags.Contains("UP") && flags.Contains("LOWER_UP")) || m.Groups["state"].Value == "UP";
            links.Add(new LinkState(m.Groups["name"].Value, up));
        }

        return links.Count == 0
            ? Parsed<IReadOnlyList<LinkState>>.Failure("no interface in 'ip -o link show': " + GaiaText.Excerpt(output))
            : Parsed<IReadOnlyList<LinkState>>.Success(links);
    }

    /// <summary>Reads the table by its header, so the VSX layout (with a CTX column) reads too.</summary>
    public static Parsed<IReadOnlyList<WatchedProcess>> Processes(string output)
    {
        string[]? header = null;
        var processes = new List<WatchedProcess>();
        foreach (var raw in Lines(output))
        {
            var words = raw.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (words.Length == 0)
            {
                continue;
            }

            if (words[0] == "APP")
            {
                header = words;
                continue;
            }

            if (header is null)
            {
                continue;
            }

            var stat = Array.IndexOf(header, "STAT");
            var ctx = Array.IndexOf(header, "CTX");
            if (stat < 0 || words.Length <= stat)
            {
                return Parsed<IReadOnlyList<WatchedProcess>>.Failure("unexpected line in 'cpwd_admin list': " + GaiaText.Excerpt(raw));
            }

            var app = ctx > 0 && words.Length > ctx ? words[0] + "@" + words[ctx] : words[0];
            processes.Add(new WatchedProcess(app, words[stat]));
        }

        return header is null
            ? Parsed<IReadOnlyList<WatchedProcess>>.Failure("no 'APP ... STAT' header in 'cpwd_admin list': " + GaiaText.Excerpt(output))
            : Parsed<IReadOnlyList<WatchedProcess>>.Success(processes);
    }

    /// <summary>The licence table, up to the first blank line or the contract section after it.</summary>
    public static Parsed<IReadOnlyList<Licence>> Licences(string output)
    {
        var inTable = false;
        var licences = new List<Licence>();
        foreach (var raw in Lines(output))
        {
            var line = raw.Trim();
            if (line.StartsWith("Host", StringComparison.Ordinal) && line.Contains("Expiration", StringComparison.Ordinal))
            {
                inTable = true;
                continue;
            }

            if (!inTable)
            {
                continue;
            }

            if (line.Length == 0 || line.StartsWith("Contract", StringComparison.OrdinalIgnoreCase))
            {
                break;
            }

            var words = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (words.Length < 3)
            {
                return Parsed<IReadOnlyList<Licence>>.Failure("unexpected licence line in 'cplic print': " + GaiaText.Excerpt(line));
            }

            licences.Add(new Licence(words[0], words[1], words[2..]));
        }

        return inTable
            ? Parsed<IReadOnlyList<Licence>>.Success(licences)
            : Parsed<IReadOnlyList<Licence>>.Failure("no 'Host Expiration Features' header in 'cplic print': " + GaiaText.Excerpt(output));
    }

    private static string[] Lines(string output) => output.Replace("\r", string.Empty, StringComparison.Ordinal).Split('\n');
}
