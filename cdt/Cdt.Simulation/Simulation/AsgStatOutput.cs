using System.Globalization;
using System.Text;
using Cdt.Fleet;

namespace Cdt.Simulation;

/// <summary>
/// Renders <c>asg stat</c> as Maestro, ElasticXL and chassis systems print it: a system summary,
/// then one section per site (or chassis) with its state and a row per member, <c>(local)</c>
/// marking the member that answers, <c>DOWN (admin)</c> an administratively down one.
/// </summary>
public static class AsgStatOutput
{
    private const int Width = 78;

    public static string Render(SimWorld world, SimCluster sg, SimGateway local, DateTimeOffset now)
    {
        var members = world.MembersOf(sg).OrderBy(m => m.Site).ThenBy(m => m.Number).ToList();
        var (platform, unit) = sg.Kind switch
        {
            ClusterKind.ElasticXlSecurityGroup => ("ElasticXL", "Site"),
            ClusterKind.DualChassis => ("Dual Chassis", "Chassis"),
            _ => ("Maestro", "Site"),
        };
        var up = members.Count(m => world.IsServing(m, now));
        var sb = new StringBuilder();
        Rule(sb);
        Row(sb, "System Status - " + platform);
        Rule(sb);
        Row(sb, "Up time              | 3 days, 04:05:06 hours");
        Row(sb, string.Create(CultureInfo.InvariantCulture, $"SGMs                 | {up} / {members.Count}{(up < members.Count ? " (!)" : string.Empty)}"));
        Row(sb, "Version              | " + local.Version + " (Build Number 631)");
        Rule(sb);
        var activeSite = sg.Kind == ClusterKind.DualChassis
            ? sg.ActiveSite
            : members.Where(m => world.IsServing(m, now)).Select(m => m.Site).DefaultIfEmpty(0).Min();
        foreach (var site in members.GroupBy(m => m.Site))
        {
            var serving = site.Any(m => world.IsServing(m, now));
            var state = !serving ? "DOWN" : site.Key == activeSite ? "ACTIVE" : "STANDBY";
            Row(sb, (unit + " " + site.Key.ToString(CultureInfo.InvariantCulture)).PadRight(38) + state);
            Rule(sb);
            Row(sb, "SGM ID         State          Process                   Policy Date");
            foreach (var m in site)
            {
                var (text, process) = State(world, sg, m, now);
                var id = m.Number.ToString(CultureInfo.InvariantCulture) + (m == local ? " (local)" : string.Empty);
                Row(sb, id.PadRight(15) + text.PadRight(15) + process.PadRight(26) + (text == "UP" ? "21Nov26 23:00" : "NA"));
            }

            Rule(sb);
        }

        return sb.ToString();
    }

    private static (string State, string Process) State(SimWorld world, SimCluster sg, SimGateway m, DateTimeOffset now)
    {
        if (m.IsRebooting(now))
        {
            return ("DOWN", "Inactive");
        }

        if (m.AdminDown || sg.AdminDownSites.Contains(m.Site))
        {
            return ("DOWN (admin)", "Inactive");
        }

        if (m.Busy is not null)
        {
            return ("DOWN", "Installing");
        }

        return world.IsServing(m, now) ? ("UP", "Enforcing Security") : ("DOWN", "Inactive");
    }

    private static void Rule(StringBuilder sb) => sb.Append(new string('-', Width + 4)).Append('\n');

    private static void Row(StringBuilder sb, string text) => sb.Append("| ").Append(text.PadRight(Width)).Append(" |\n");
}
