using System.Globalization;
using System.Text;
using Cdt.Fleet;

namespace Cdt.Simulation;

/// <summary>
/// The Security Group half of the simulated gateway (Maestro, ElasticXL, dual chassis): <c>asg stat</c>,
/// member and chassis admin state, SMO image auto-clone, and gClish installs on <c>member_ids</c>.
/// </summary>
public sealed partial class GaiaSimulator
{
    private SimReply SecurityGroup(SimGateway g, IReadOnlyList<string> w, string line, DateTimeOffset now)
    {
        var sg = _world.ClusterOf(g)!;
        switch (w[0])
        {
            case "asg" when w.Count is 2 or 3 && w[1] == "stat" && (w.Count == 2 || w[2] == "-v"):
                return Garbled(g) ?? SimReply.Ok(AsgStatOutput.Render(_world, sg, g, now));
            case "asg" when w.Count == 5 && w[1] == "chassis_admin" && w[2] == "-c" && sg.Kind == ClusterKind.DualChassis && w[4] is "up" or "down":
                return AdminState(sg, "chassis" + w[3], w[4] == "up", now);
            case "g_clusterXL_admin" when w.Count == 4 && w[1] == "-b" && w[3] is "up" or "down" && sg.Kind != ClusterKind.ElasticXlSecurityGroup:
                return AdminState(sg, w[2], w[3] == "up", now);
            case "gclish" when w.Count == 3 && w[1] == "-c":
                return GClish(g, sg, w[2], now);
            default:
                return Refuse(g, line, $"bash: {w[0]}: command not found\n", 127);
        }
    }

    private SimReply GClish(SimGateway g, SimCluster sg, string command, DateTimeOffset now)
    {
        var w = ClishLexer.Words(command);
        if (w is null || w.Count == 0)
        {
            return Refuse(g, command, "CLINFR0409  Invalid command:'" + command + "'.\n", 1);
        }

        var text = string.Join(" ", w);
        var elastic = sg.Kind == ClusterKind.ElasticXlSecurityGroup;
        var autoClone = elastic ? "cluster configuration image auto-clone state" : "smo image auto-clone state";
        if (text == "show " + autoClone)
        {
            var sb = new StringBuilder();
            foreach (var m in _world.MembersOf(sg).Where(m => _world.IsServing(m, now)).OrderBy(m => m.Site).ThenBy(m => m.Number))
            {
                sb.Append(MemberLabel(sg, m)).Append(":\nauto-clone state: ").Append(sg.AutoClone ? "on" : "off").Append("\n\n");
            }

            return SimReply.Ok(sb.ToString());
        }

        if (w.Count == (elastic ? 7 : 6) && text.StartsWith("set " + autoClone + " ", StringComparison.Ordinal) && w[^1] is "on" or "off")
        {
            if (g.Has(Fault.AutoCloneFails))
            {
                return SimReply.Fail(1, "CLINFR0519  Failed to set the auto-clone state: the SMO is busy.\n");
            }

            sg.AutoClone = w[^1] == "on";
            return SimReply.Ok();
        }

        if (elastic && w.Count == 6 && text.StartsWith("set cluster members-admin-state ids ", StringComparison.Ordinal) && w[5] is "up" or "down")
        {
            return AdminState(sg, w[4], w[5] == "up", now);
        }

        if (w.Count == 6 && w[0] == "installer" && w[1] is "install" or "uninstall" && w[3] == "member_ids" && w[5] == "not-interactive")
        {
            return GroupInstaller(sg, w[1] == "uninstall", w[2], w[4], now);
        }

        return Clish(g, command, now);
    }

    /// <summary>Members (or a whole site / chassis) administratively down or up.</summary>
    private SimReply AdminState(SimCluster sg, string ids, bool up, DateTimeOffset now)
    {
        if (!TryResolveIds(sg, ids, out var members, out var site, out var error))
        {
            return SimReply.Fail(1, error + "\n");
        }

        var state = up ? "UP" : "DOWN";
        if (site is { } n)
        {
            if (up)
            {
                sg.AdminDownSites.Remove(n);
            }
            else if (!sg.AdminDownSites.Contains(n))
            {
                sg.AdminDownSites.Add(n);
            }

            foreach (var m in members)
            {
                _world.Changed(m, now);
            }

            return SimReply.Ok(string.Create(CultureInfo.InvariantCulture, $"Setting chassis{n} to administrative {state} state ... done\n"));
        }

        var stuck = members.Where(m => up && m.Stuck).ToList();
        foreach (var m in members.Except(stuck))
        {
            m.AdminDown = !up;
            _world.Changed(m, now);
        }

        var sb = new StringBuilder();
        sb.Append("Setting ").Append(string.Join(",", members.Except(stuck).Select(m => MemberLabel(sg, m)))).Append(" to administrative ").Append(state).Append(" state ... done\n");
        foreach (var m in stuck)
        {
            sb.Append(MemberLabel(sg, m)).Append(": cannot change the state to UP: the member is DOWN because of a problem\n");
        }

        return stuck.Count == 0 ? SimReply.Ok(sb.ToString()) : SimReply.Fail(1, sb.ToString());
    }

    /// <summary>gClish <c>installer install|uninstall NAME member_ids IDS not-interactive</c>: each named member installs, then reboots.</summary>
    private SimReply GroupInstaller(SimCluster sg, bool uninstall, string nameArg, string ids, DateTimeOffset now)
    {
        if (!TryResolveIds(sg, ids, out var members, out _, out var error))
        {
            return SimReply.Fail(1, error + "\n");
        }

        var names = new Dictionary<SimGateway, string>();
        foreach (var m in members)
        {
            if (Resolve(m, nameArg) is not { } name)
            {
                return SimReply.Fail(1, $"{MemberLabel(sg, m)}: Package {nameArg} was not found. Import it first.\n");
            }

            if (m.Busy is not null)
            {
                return SimReply.Fail(1, $"{MemberLabel(sg, m)}: Another operation is in progress: {m.Busy}\n");
            }

            names[m] = name;
        }

        var stdout = new StringBuilder("Interactive mode is disabled, " + (uninstall ? "uninstall" : "install") + " will be performed without prompting for reboot\n");
        var duration = TimeSpan.FromSeconds(5);
        var failed = false;
        foreach (var m in members)
        {
            var name = names[m];
            if (IsInstalled(m, name) != uninstall)
            {
                stdout.Append(MemberLabel(sg, m)).Append(": Package ").Append(name).Append(uninstall ? " is not installed\n" : " is already installed\n");
                continue;
            }

            if (_world.IsServing(m, now))
            {
                // The procedure takes a logical group down before installing it: an install on a
                // member that carries traffic drops its connections.
                _world.Violations.Add($"{Formats.IsoTime.Format(now)}: {MemberLabel(sg, m)} of {sg.Name} was {(uninstall ? "uninstalled" : "installed")} while it carried traffic (not taken down first)");
            }

            var fails = m.Has(Fault.InstallFails);
            failed |= fails;
            m.Busy = (uninstall ? "uninstalling " : "installing ") + name;
            _world.Schedule(new SimEvent { At = now + m.InstallDuration, Gateway = m.Name, Kind = uninstall ? SimEventKind.UninstallDone : SimEventKind.InstallDone, Package = name, Success = !fails });
            _world.Changed(m, now);
            duration = m.InstallDuration > duration ? m.InstallDuration : duration;
            var what = uninstall ? "Uninstall" : "Installation";
            stdout.Append(MemberLabel(sg, m)).Append(fails
                ? $": Result: {what} failed. See /var/log/CPda/log/da.elg for details.\n"
                : $": Result: {what} completed successfully. The member will reboot.\n");
        }

        return new SimReply { Exit = failed ? 1 : 0, Stdout = stdout.ToString(), Duration = duration };
    }

    /// <summary>
    /// The id forms of <c>g_clusterXL_admin -b</c> and <c>member_ids</c>: <c>1_1</c>, <c>1_01</c>,
    /// <c>1_1,1_4</c>, <c>1_1-1_4</c>, <c>chassis1</c>, <c>chassis_active</c>, <c>all</c>.
    /// </summary>
    private bool TryResolveIds(SimCluster sg, string text, out List<SimGateway> members, out int? site, out string error)
    {
        var all = _world.MembersOf(sg).OrderBy(m => m.Site).ThenBy(m => m.Number).ToList();
        members = [];
        site = null;
        error = string.Empty;
        if (text == "all")
        {
            members = all;
            return true;
        }

        if (text == "chassis_active" || (text.StartsWith("chassis", StringComparison.Ordinal) && int.TryParse(text["chassis".Length..], NumberStyles.None, CultureInfo.InvariantCulture, out _)))
        {
            var n = text == "chassis_active" ? sg.ActiveSite : int.Parse(text["chassis".Length..], CultureInfo.InvariantCulture);
            members = all.Where(m => m.Site == n).ToList();
            site = n;
            error = $"Invalid SGM IDs '{text}': there is no chassis {n}";
            return members.Count > 0;
        }

        var found = new List<SimGateway>();
        foreach (var item in text.Split(','))
        {
            var bounds = item.Split('-');
            var from = bounds.Length is 1 or 2 ? Find(all, bounds[0]) : null;
            var to = bounds.Length == 2 ? Find(all, bounds[1]) : from;
            if (from is null || to is null)
            {
                error = $"Invalid SGM IDs '{text}': '{item}' is not a member of this Security Group";
                return false;
            }

            var (a, b) = (all.IndexOf(from), all.IndexOf(to));
            found.AddRange(all.Skip(Math.Min(a, b)).Take(Math.Abs(b - a) + 1).Where(m => !found.Contains(m)));
        }

        members = found;
        return true;
    }

    private static SimGateway? Find(List<SimGateway> members, string id) =>
        SecurityGroupMember.ParseId(id) is { } p ? members.FirstOrDefault(m => m.Site == p.Site && m.Number == p.Number) : null;

    private static string MemberLabel(SimCluster sg, SimGateway m) => sg.Kind == ClusterKind.ElasticXlSecurityGroup
        ? string.Create(CultureInfo.InvariantCulture, $"{m.Site}_{m.Number:00}")
        : string.Create(CultureInfo.InvariantCulture, $"{m.Site}_{m.Number}");
}
