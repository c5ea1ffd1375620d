using System.Globalization;
using Cdt.Fleet;
using Cdt.Transport;

namespace Cdt.Gaia;

/// <summary>
/// Command lines for Security Groups (seeds 000 and 001, REFERENCE.md §7): state, member and chassis
/// admin state, SMO image auto-clone, and installing on a logical group from gClish with
/// <c>member_ids</c>. All run from Expert mode, in the context of VS0 / Virtual Gateway 0 when the
/// Security Group is in VSX or VSNext mode. A list of members is never every member of the
/// Security Group: that would be <c>member_ids all</c>, which stops all traffic, so the builders
/// refuse it (and there is no way to ask for <c>all</c>).
/// </summary>
public static class SecurityGroupCommands
{
    public static string AsgStat(Target t) => GaiaCommands.Expert(t, "asg stat");

    /// <summary>Members administratively down or up: <c>g_clusterXL_admin -b 1_1,1_2 down</c> (Maestro, chassis), <c>set cluster members-admin-state ids 1_01,1_02 down</c> (ElasticXL).</summary>
    public static string MembersAdmin(Target t, ClusterKind platform, IReadOnlyCollection<SecurityGroupMember> members, IReadOnlyCollection<SecurityGroupMember> all, bool up)
    {
        var ids = IdList(platform, members, all);
        return platform == ClusterKind.ElasticXlSecurityGroup
            ? GClish(t, $"set cluster members-admin-state ids {ids} {(up ? "up" : "down")}")
            : GaiaCommands.Expert(t, $"g_clusterXL_admin -b {ids} {(up ? "up" : "down")}");
    }

    /// <summary>A whole chassis (dual chassis) administratively down or up: <c>g_clusterXL_admin -b chassis1 down</c>.</summary>
    public static string ChassisAdmin(Target t, int chassis, bool up)
    {
        if (chassis is not (1 or 2))
        {
            throw new ArgumentOutOfRangeException(nameof(chassis), chassis, "a dual-chassis system has chassis 1 and 2");
        }

        return GaiaCommands.Expert(t, string.Create(CultureInfo.InvariantCulture, $"g_clusterXL_admin -b chassis{chassis} {(up ? "up" : "down")}"));
    }

    public static string ShowAutoClone(Target t, ClusterKind platform) =>
        GClish(t, platform == ClusterKind.ElasticXlSecurityGroup ? "show cluster configuration image auto-clone state" : "show smo image auto-clone state");

    public static string SetAutoClone(Target t, ClusterKind platform, bool on) =>
        GClish(t, (platform == ClusterKind.ElasticXlSecurityGroup ? "set cluster configuration image auto-clone state " : "set smo image auto-clone state ") + (on ? "on" : "off"));

    /// <summary>Installs (or uninstalls) a package on one logical group: <c>installer install NAME member_ids 1_1,1_2 not-interactive</c>.</summary>
    public static string GroupInstall(Target t, ClusterKind platform, string packageName, IReadOnlyCollection<SecurityGroupMember> group, IReadOnlyCollection<SecurityGroupMember> all, bool uninstall)
    {
        var name = RemoteValues.RequirePackageName(packageName);
        var arg = name.Contains(' ', StringComparison.Ordinal) ? "\"" + name + "\"" : name;
        return GClish(t, $"installer {(uninstall ? "uninstall" : "install")} {arg} member_ids {IdList(platform, group, all)} not-interactive");
    }

    /// <summary>A gClish command (global Clish: it applies to the members it names, or to all).</summary>
    public static string GClish(Target t, string command) => GaiaCommands.Expert(t, "gclish -c " + ShellQuote.Single(command));

    /// <summary>How the platform writes a member id: <c>1_1</c> on Maestro and chassis, <c>1_01</c> on ElasticXL.</summary>
    public static string Id(ClusterKind platform, SecurityGroupMember m) => platform == ClusterKind.ElasticXlSecurityGroup
        ? string.Create(CultureInfo.InvariantCulture, $"{m.Site}_{m.Number:00}")
        : m.Id;

    private static string IdList(ClusterKind platform, IReadOnlyCollection<SecurityGroupMember> members, IReadOnlyCollection<SecurityGroupMember> all)
    {
        if (members.Count == 0)
        {
            throw new InvalidOperationException("a member list cannot be empty");
        }

        if (all.All(a => members.Any(m => m.Name == a.Name)))
        {
            throw new InvalidOperationException("refusing to name every member of the Security Group at once: that is 'member_ids all', which stops all traffic");
        }

        return string.Join(",", members.OrderBy(m => m.Site).ThenBy(m => m.Number).Select(m => Id(platform, m)));
    }
}
