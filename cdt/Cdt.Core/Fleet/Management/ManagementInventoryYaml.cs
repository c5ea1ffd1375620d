using System.Text;
using Cdt.Formats;

namespace Cdt.Fleet.Management;

/// <summary>
/// Turns what a Management API server listed into a normal inventory file, so a run from the
/// server can be reviewed and reproduced from the file, and both sources share one reader (and so
/// one fingerprint and one validation). An object cdt cannot install on is still a row, N/A with
/// the reason, so nothing the server lists silently disappears from the candidates list.
/// </summary>
public static class ManagementInventoryYaml
{
    public static string Render(ManagementSnapshot snapshot, ManagementSettings settings, DateTimeOffset readAt)
    {
        var text = new StringBuilder();
        text.Append("# Read from the Management API of ").Append(settings.Name)
            .Append(settings.Domain is { } d ? " (domain " + d + ")" : string.Empty)
            .Append(" at ").Append(IsoTime.Format(readAt)).AppendLine(" by cdt inventory export.");
        text.AppendLine("# Member states and installed packages are read from the gateways when the list is generated.");

        var memberOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var c in snapshot.Objects.Where(o => ManagementObjectTypes.IsCluster(o.Type)))
        {
            foreach (var m in MemberNames(snapshot, c))
            {
                memberOf.TryAdd(m, c.Name);
            }
        }

        var byName = new Dictionary<string, ManagementObject>(StringComparer.Ordinal);
        foreach (var o in snapshot.Objects)
        {
            byName.TryAdd(o.Name, o);
        }

        var gateways = new StringBuilder();
        var clusters = new StringBuilder();
        foreach (var o in snapshot.Objects)
        {
            if (!Names.IsObjectName(o.Name))
            {
                text.Append("# left out: ").Append(Quote(o.Name)).Append(" (").Append(o.Type).Append("): not a valid object name: ").AppendLine(Names.ObjectNameRule);
            }
            else if (ManagementObjectTypes.Servers.Contains(o.Type))
            {
                text.Append("# left out: ").Append(o.Name).Append(" (").Append(o.Type).AppendLine("): a management or log server, not a gateway");
            }
            else if (ManagementObjectTypes.Gateways.Contains(o.Type))
            {
                var platform = ManagementObjectTypes.SecurityGroupPlatform(o.Hardware);
                Gateway(gateways, o, platform is null ? null : $"a {platform} Security Group: the Management API does not list its members; describe it under security_groups in an inventory file");
            }
            else if (ManagementObjectTypes.Members.Contains(o.Type))
            {
                if (!memberOf.ContainsKey(o.Name))
                {
                    Gateway(gateways, o, "a cluster member whose cluster the server did not list");
                }
            }
            else if (ManagementObjectTypes.IsCluster(o.Type))
            {
                Cluster(gateways, clusters, snapshot, o, byName);
            }
            else
            {
                Gateway(gateways, o, $"object type '{o.Type}' is not one cdt knows");
            }
        }

        if (gateways.Length > 0)
        {
            text.AppendLine("gateways:").Append(gateways);
        }

        if (clusters.Length > 0)
        {
            text.AppendLine("clusters:").Append(clusters);
        }

        return text.ToString();
    }

    private static IReadOnlyList<string> MemberNames(ManagementSnapshot snapshot, ManagementObject cluster) =>
        snapshot.Clusters.GetValueOrDefault(cluster.Name) is { Members.Count: > 0 } simple ? simple.Members : cluster.ClusterMemberNames;

    private static void Cluster(StringBuilder gateways, StringBuilder clusters, ManagementSnapshot snapshot, ManagementObject c, Dictionary<string, ManagementObject> byName)
    {
        var members = MemberNames(snapshot, c).Select(m => byName.GetValueOrDefault(m) ?? new ManagementObject { Name = m, Type = "cluster-member" }).ToList();
        string? type;
        string? reason = null;
        if (ManagementObjectTypes.VsxClusters.Contains(c.Type))
        {
            type = "vsx-vsls";
        }
        else if (snapshot.Clusters.GetValueOrDefault(c.Name) is not { } simple)
        {
            type = null;
            reason = $"cluster {c.Name}: show-simple-cluster did not give its mode";
        }
        else if (!ManagementObjectTypes.ClusterModes.TryGetValue(simple.Mode, out type))
        {
            reason = $"cluster {c.Name}: cluster mode '{simple.Mode}' is not one cdt installs on";
        }

        var version = Names.IsVersion(c.Version) ? c.Version : null;
        if (type is null || members.Count == 0 || members.Any(m => !Names.IsObjectName(m.Name) || !Usable(m, version)))
        {
            foreach (var m in members.Where(m => Names.IsObjectName(m.Name)))
            {
                Gateway(gateways, m with { Version = m.Version ?? version }, reason ?? $"cluster {c.Name}: a member has no usable address or version");
            }

            if (members.Count == 0)
            {
                Gateway(gateways, c, "a cluster with no members listed");
            }

            return;
        }

        clusters.Append("  - name: ").AppendLine(c.Name);
        clusters.Append("    type: ").AppendLine(type);
        if (version is not null)
        {
            clusters.Append("    version: ").AppendLine(version);
        }

        clusters.AppendLine("    members:");
        foreach (var m in members)
        {
            clusters.Append("      - { name: ").Append(m.Name).Append(", ip: ").Append(m.Ipv4Address);
            if (m.Version is { } v && v != version)
            {
                clusters.Append(", version: ").Append(v);
            }

            clusters.AppendLine(" }");
        }
    }

    private static bool Usable(ManagementObject m, string? clusterVersion) =>
        Names.IsIp(m.Ipv4Address) && Names.IsVersion(m.Version ?? clusterVersion);

    private static void Gateway(StringBuilder gateways, ManagementObject o, string? notApplicable)
    {
        if (notApplicable is null && !Usable(o, null))
        {
            notApplicable = "the server gave no usable IPv4 address or Gaia version";
        }

        gateways.Append("  - name: ").AppendLine(o.Name);
        if (Names.IsIp(o.Ipv4Address))
        {
            gateways.Append("    ip: ").AppendLine(o.Ipv4Address);
        }

        if (Names.IsVersion(o.Version))
        {
            gateways.Append("    version: ").AppendLine(o.Version);
        }

        if (notApplicable is not null)
        {
            gateways.Append("    not_applicable: ").AppendLine(Quote(notApplicable));
        }
    }

    private static string Quote(string s) =>
        "\"" + s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
