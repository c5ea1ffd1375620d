using System.Globalization;
using System.Text.RegularExpressions;

namespace Cdt.Gaia;

/// <summary>
/// Reads <c>cphaprob state</c> (and Clish <c>show cluster state</c>): both the R80.40+ layout with
/// <c>ID</c> and the older one with <c>Number</c> and title-case states; <c>ACTIVE(!)</c>, <c>DOWN</c>,
/// <c>LOST</c>; the <c>Active PNOTEs</c> line and any problem lines that follow it.
/// </summary>
public static partial class ClusterStateParser
{
    [GeneratedRegex(@"^(?<id>\d+)\s*(?<local>\(local\))?\s+(?<addr>[0-9a-fA-F.:]+)\s+(?<load>\d+%)\s+(?<state>[A-Za-z]+(?:\(!\))?)(?:\s+(?<name>\S+))?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex MemberLine();

    public static Parsed<ClusterState> Parse(string output)
    {
        var lines = output.Replace("\r", string.Empty, StringComparison.Ordinal).Split('\n');
        string? mode = null;
        var members = new List<ClusterMember>();
        var pnotes = new List<string>();
        var inTable = false;
        var inPnotes = false;
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (line.StartsWith("HA module not started", StringComparison.OrdinalIgnoreCase)
                || line.StartsWith("HA not started", StringComparison.OrdinalIgnoreCase))
            {
                return Parsed<ClusterState>.Failure("ClusterXL is not running on this member (HA module not started)");
            }

            if (line.StartsWith("Cluster Mode:", StringComparison.OrdinalIgnoreCase))
            {
                mode = line["Cluster Mode:".Length..].Trim();
                continue;
            }

            if (line.StartsWith("ID ", StringComparison.Ordinal) || line.StartsWith("Number ", StringComparison.Ordinal))
            {
                inTable = true;
                continue;
            }

            if (line.StartsWith("Active PNOTEs:", StringComparison.OrdinalIgnoreCase))
            {
                inTable = false;
                var rest = line["Active PNOTEs:".Length..].Trim();
                if (!rest.Equals("None", StringComparison.OrdinalIgnoreCase) && rest.Length > 0)
                {
                    pnotes.AddRange(rest.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries));
                }

                inPnotes = rest.Length == 0;
                continue;
            }

            if (inPnotes)
            {
                if (line.Length == 0 || line.StartsWith("Last ", StringComparison.Ordinal))
                {
                    inPnotes = false;
                }
                else if (!line.StartsWith("Device Name", StringComparison.Ordinal) && !line.StartsWith("---", StringComparison.Ordinal))
                {
                    pnotes.Add(GaiaText.SplitColumns(line)[0]);
                }

                continue;
            }

            if (inTable && line.Length > 0)
            {
                var m = MemberLine().Match(line);
                if (!m.Success)
                {
                    return Parsed<ClusterState>.Failure("unexpected member line in 'cphaprob state': " + GaiaText.Excerpt(line));
                }

                members.Add(new ClusterMember(
                    int.Parse(m.Groups["id"].Value, CultureInfo.InvariantCulture),
                    m.Groups["local"].Success,
                    m.Groups["addr"].Value,
                    m.Groups["load"].Value,
                    m.Groups["state"].Value.ToUpperInvariant(),
                    m.Groups["name"].Success ? m.Groups["name"].Value : null));
            }
            else if (inTable && members.Count > 0)
            {
                inTable = false;
            }
        }

        if (mode is null || members.Count == 0)
        {
            return Parsed<ClusterState>.Failure("unexpected output from 'cphaprob state' (no cluster mode or member table): " + GaiaText.Excerpt(output));
        }

        return Parsed<ClusterState>.Success(new ClusterState(mode, members, pnotes));
    }
}
