using System.Globalization;
using System.Text.RegularExpressions;

namespace Cdt.Gaia;

/// <summary>
/// Reads <c>asg stat</c> (Maestro, ElasticXL, chassis): section heads <c>Site N</c> or <c>Chassis N</c>
/// with their state, then under an <c>SGM ID</c> header one row per member: its number in the
/// site (or a full id <c>1_01</c>), <c>(local)</c>, the state (<c>UP</c>, <c>DOWN</c>,
/// <c>DOWN (admin)</c>, <c>DETACHED</c>...) and the process column. Table borders are ignored.
/// </summary>
public static partial class AsgStatParser
{
    [GeneratedRegex(@"^(?:Site|Chassis)\s+(?<n>\d{1,2})\b\s*(?<state>[A-Z][A-Za-z ()!]*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex SiteHead();

    [GeneratedRegex(@"^(?<id>\d{1,2}(?:_\d{1,2})?)\s*(?<local>\(local\))?\s+(?<state>[A-Z][A-Z/_-]*(?: \([a-z ]+\))?)(?:\s{2,}(?<rest>.*))?$", RegexOptions.CultureInvariant)]
    private static partial Regex MemberRow();

    public static Parsed<AsgStatus> Parse(string output)
    {
        var sites = new List<AsgSite>();
        var members = new List<AsgMember>();
        var site = 1;
        var inTable = false;
        foreach (var raw in output.Replace("\r", string.Empty, StringComparison.Ordinal).Split('\n'))
        {
            var line = raw.Trim().Trim('|').Trim();
            if (line.Length == 0 || line.All(c => c is '-' or '=' or '+' or '|'))
            {
                continue;
            }

            if (SiteHead().Match(line) is { Success: true } head)
            {
                site = int.Parse(head.Groups["n"].Value, CultureInfo.InvariantCulture);
                sites.Add(new AsgSite(site, head.Groups["state"].Value.Trim()));
                inTable = false;
                continue;
            }

            if (line.StartsWith("SGM ID", StringComparison.Ordinal) || line.StartsWith("Member ID", StringComparison.Ordinal))
            {
                inTable = true;
                continue;
            }

            if (!inTable)
            {
                continue;
            }

            if (MemberRow().Match(line) is not { Success: true } row)
            {
                // The end of a member table: the bottom "Chassis Parameters" section and the like.
                inTable = false;
                continue;
            }

            var (memberSite, number) = Id(row.Groups["id"].Value, site);
            var rest = row.Groups["rest"].Value;
            var columns = GaiaText.SplitColumns(rest);
            var process = columns.Count > 0 ? columns[0] : string.Empty;
            members.Add(new AsgMember(memberSite, number, row.Groups["state"].Value, process, row.Groups["local"].Success));
        }

        if (members.Count == 0)
        {
            return Parsed<AsgStatus>.Failure("no Security Group Member rows in 'asg stat': " + GaiaText.Excerpt(output));
        }

        var duplicate = members.GroupBy(m => m.Id).FirstOrDefault(g => g.Count() > 1);
        return duplicate is not null
            ? Parsed<AsgStatus>.Failure($"'asg stat' lists member {duplicate.Key} twice: " + GaiaText.Excerpt(output))
            : Parsed<AsgStatus>.Success(new AsgStatus(sites, members));
    }

    private static (int Site, int Number) Id(string id, int currentSite)
    {
        var parts = id.Split('_');
        return parts.Length == 2
            ? (int.Parse(parts[0], CultureInfo.InvariantCulture), int.Parse(parts[1], CultureInfo.InvariantCulture))
            : (currentSite, int.Parse(parts[0], CultureInfo.InvariantCulture));
    }
}
