using System.Globalization;
using System.Text;
using Cdt.Fleet;

namespace Cdt.Simulation;

/// <summary>Renders simulated answers in the layouts real Gaia prints (REFERENCE.md §8).</summary>
public static class SimOutput
{
    public const string ConfigLockLine = "CLINFR0771  Config lock is owned by admin. Use 'lock database override' to acquire the lock.";

    public static string PackageList(IEnumerable<(string Name, string Status)> packages, bool withStatus, string emptyText)
    {
        var list = packages.ToList();
        if (list.Count == 0)
        {
            return emptyText + "\n";
        }

        var sb = new StringBuilder();
        sb.Append("**                                 Hotfixes                                   **\n");
        sb.Append("Display name".PadRight(81)).Append("Type").Append(withStatus ? "          Status" : string.Empty).Append('\n');
        foreach (var (name, status) in list)
        {
            sb.Append(name.PadRight(Math.Max(81, name.Length + 2)));
            sb.Append(withStatus ? "Hotfix".PadRight(14) + status : "Hotfix");
            sb.Append('\n');
        }

        return sb.ToString();
    }

    public static string PackageDetail(string name, string status) =>
        $"Display name:     {name}\nType:             Hotfix\nStatus:           {status}\nRequires reboot:  true\n";

    public static string FwVer(string version) => $"This is Check Point's software version {version} - Build 631\n";

    public static string ProductVersion(string version) => $"Product version Check Point Gaia {version}\n";

    public static string ClusterState(SimWorld world, SimCluster cluster, SimGateway local, DateTimeOffset now)
    {
        var mode = cluster.Kind switch
        {
            ClusterKind.VsxVsls => "Virtual System Load Sharing (Primary Up)",
            ClusterKind.ClusterXlLoadSharing => "Load Sharing (Multicast)",
            _ => "High Availability (Active Up) with IGMP Membership",
        };
        var sb = new StringBuilder();
        sb.Append("\nCluster Mode:   ").Append(mode).Append("\n\n");
        sb.Append("ID         Unique Address  Assigned Load   State          Name\n\n");
        var id = 0;
        foreach (var m in world.MembersOf(cluster))
        {
            id++;
            var state = MemberStateText(cluster, m, now);
            var load = state.StartsWith("ACTIVE", StringComparison.Ordinal) ? "100%" : "0%";
            var idText = id.ToString(CultureInfo.InvariantCulture) + (m == local ? " (local)" : string.Empty);
            sb.Append(idText.PadRight(11)).Append(m.Address.PadRight(16)).Append(load.PadRight(16)).Append(state.PadRight(15)).Append(m.Name).Append('\n');
        }

        sb.Append("\n\nActive PNOTEs: ").Append(local.AdminDown ? "ADMIN" : "None").Append("\n\n");
        return sb.ToString();
    }

    public static string MemberStateText(SimCluster cluster, SimGateway m, DateTimeOffset now)
    {
        if (m.IsRebooting(now))
        {
            return "LOST";
        }

        if (m.AdminDown || m.Busy is not null)
        {
            return "DOWN";
        }

        if (cluster.Kind == ClusterKind.ClusterXlLoadSharing)
        {
            return "ACTIVE";
        }

        return m.Role is SimRole.Active or SimRole.Master ? "ACTIVE" : "STANDBY";
    }

    public static string Vrrp(SimGateway g, DateTimeOffset now)
    {
        var master = g.Role == SimRole.Master && g.Serving(now) ? 1 : 0;
        var backup = master == 1 ? 0 : g.Serving(now) ? 1 : 0;
        var init = 1 - master - backup;
        return "VRRP State\n Flags: On\n 1 interface enabled\n   1 virtual routers configured\n"
            + string.Create(CultureInfo.InvariantCulture, $"     {init} in Init state\n     {backup} in Backup state\n     {master} in Master state\n");
    }
}
