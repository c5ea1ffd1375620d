using System.Text;
using Cdt.Fleet;
using Cdt.Gaia;
using Cdt.Transport;

namespace Cdt.Plans;

/// <summary>
/// <c>cdt plan explain</c>: per kind of target, the order cdt follows (cluster choreography
/// included) and the exact command lines each action sends. The plan must be checked first.
/// </summary>
public static class PlanExplainer
{
    public static string Explain(Plan plan, IReadOnlyList<ExplainUnit> units, string? cpuseAgent = null)
    {
        var sb = new StringBuilder();
        var s = plan.Settings;
        sb.Append("Plan ").Append(s.Name is null ? "(no name)" : "\"" + s.Name + "\"").Append(" from ").Append(Path.GetFileName(plan.Path))
            .Append(plan.Format == PlanFormat.CdtXml ? " (CDT XML)" : " (YAML)").Append('\n');
        if (s.Description is { } d)
        {
            sb.Append("  ").Append(d).Append('\n');
        }

        sb.Append("  update_cpuse: ").Append(s.UpdateCpuse ? "true" : "false")
            .Append("; connectivity_upgrade: ").Append(s.ConnectivityUpgrade ? "true" : "false").Append('\n');
        sb.Append("Command lines are shown as cdt sends them to a gateway whose login shell is Expert (bash).\n\n");
        sb.Append("Actions, run in this order on every target:\n");
        for (var i = 0; i < plan.Actions.Count; i++)
        {
            sb.Append("  ").Append(i + 1).Append(". ").Append(ExplainLines.Header(plan.Actions[i])).Append('\n');
        }

        foreach (var unit in units)
        {
            sb.Append('\n');
            Unit(sb, plan, unit, cpuseAgent);
        }

        return sb.ToString();
    }

    private static void Unit(StringBuilder sb, Plan plan, ExplainUnit unit, string? agent)
    {
        // A list cannot tell Maestro from ElasticXL: both are Security Groups there.
        var title = unit.Kind switch
        {
            null => "Standalone gateway",
            ClusterKind.MaestroSecurityGroup or ClusterKind.ElasticXlSecurityGroup or ClusterKind.DualChassis => "Security Group",
            { } k => FleetNames.Text(k),
        };
        var members = unit.Kind is null ? string.Empty : ": " + string.Join(", ", unit.Members.Select(m => m.Target.Name + " " + FleetNames.Text(m.State)));
        sb.Append(title).Append(" (example: ").Append(unit.Name).Append(members).Append(")\n");
        if (unit.Others.Count > 0)
        {
            sb.Append("  Also in the list: ").Append(string.Join(", ", unit.Others)).Append('\n');
        }

        switch (unit.Kind)
        {
            case null:
                sb.Append("  The plan on ").Append(unit.Name).Append(":\n");
                PlanOn(sb, plan, unit.Members[0].Target, agent);
                break;
            case ClusterKind.ClusterXlHa or ClusterKind.VsxVsls:
                Failover(sb, plan, unit, agent);
                break;
            case ClusterKind.Vrrp:
                Vrrp(sb, plan, unit, agent);
                break;
            case ClusterKind.MaestroSecurityGroup or ClusterKind.ElasticXlSecurityGroup or ClusterKind.DualChassis:
                sb.Append(Steps.SecurityGroupGuard.Refusal(plan) is { } refusal
                    ? "  Not run: " + refusal + ".\n"
                    : "  The actions before the install run on every member, with the install's send, import and verify; the install runs\n"
                      + "  logical group by logical group (or chassis by chassis), from gClish on a member of the group, while the others\n"
                      + "  carry the traffic (see the README); the actions after it run on every member.\n");
                break;
            default:
                sb.Append("  Not explained by this version: ").Append(title)
                    .Append(" members follow their own choreography (see the README).\n");
                break;
        }
    }

    /// <summary>
    /// ClusterXL HA and VSX VSLS, as the engine's choreography runs them: pre-check, the other
    /// members one at a time, fail over once an upgraded member is ready, then the former active.
    /// </summary>
    private static void Failover(StringBuilder sb, Plan plan, ExplainUnit unit, string? agent)
    {
        var vsls = unit.Kind == ClusterKind.VsxVsls;
        var activeState = vsls ? MemberState.VslsActiveMember : MemberState.Active;
        var active = unit.Members.FirstOrDefault(m => m.State == activeState) ?? unit.Members[0];
        var others = unit.Members.Where(m => m != active).ToList();
        var a = active.Target;
        var first = others.Count > 0 ? others[0].Target : a;
        var otherWord = vsls ? "VSLS member" : "standby member";
        var step = 1;
        Step(sb, ref step, $"Pre-check on each member: $ {GaiaCommands.ClusterState(a)}  -> every member answers, exactly one ACTIVE, the others STANDBY, no ACTIVE(!), Active PNOTEs: None; else nothing is touched");
        foreach (var m in others)
        {
            Step(sb, ref step, $"The plan on the {otherWord} {m.Target.Name}, then $ {GaiaCommands.ClusterState(m.Target)}  -> {m.Target.Name} is STANDBY again (within execute.failover_timeout)");
        }

        Step(sb, ref step, $"Fail over, once an upgraded member is STANDBY and {Ready(plan)}: on {a.Name} $ {GaiaCommands.ClusterAdmin(a, up: false)}");
        sb.Append("     then $ ").Append(GaiaCommands.ClusterState(first)).Append("  -> an upgraded member is ACTIVE (within execute.failover_timeout); if not: $ ")
            .Append(GaiaCommands.ClusterAdmin(a, up: true)).Append(" on ").Append(a.Name).Append(" and stop there\n");
        Step(sb, ref step, $"The plan on the former active member {a.Name}");
        Step(sb, ref step, $"On {a.Name}, whatever happened: $ {GaiaCommands.ClusterAdmin(a, up: true)}  -> STANDBY again");
        Step(sb, ref step, $"Post-check: $ {GaiaCommands.ClusterState(first)}  -> healthy as in the pre-check, and every member {Ready(plan)}");
        sb.Append("  A critical failure on a ").Append(otherWord).Append(" stops the cluster there: ").Append(a.Name)
            .Append(" is never touched and keeps serving traffic.\n");
        Connectivity(sb, plan, first);
        sb.Append("  The plan on each member (shown for ").Append(first.Name).Append("):\n");
        PlanOn(sb, plan, first, agent);
    }

    /// <summary>VRRP: the backup member(s) first, one at a time; then the master, whose reboot hands traffic to an upgraded backup.</summary>
    private static void Vrrp(StringBuilder sb, Plan plan, ExplainUnit unit, string? agent)
    {
        var master = unit.Members.FirstOrDefault(m => m.State == MemberState.Master) ?? unit.Members[0];
        var backups = unit.Members.Where(m => m != master).ToList();
        var first = backups.Count > 0 ? backups[0].Target : master.Target;
        var step = 1;
        Step(sb, ref step, $"Pre-check on each member: $ {GaiaCommands.VrrpState(master.Target)}  -> every member answers, one master, the others backup; else nothing is touched");
        foreach (var m in backups)
        {
            Step(sb, ref step, $"The plan on the backup member {m.Target.Name}, then $ {GaiaCommands.VrrpState(m.Target)}  -> {m.Target.Name} is backup again (within execute.failover_timeout)");
        }

        Step(sb, ref step, $"Once an upgraded member is backup and {Ready(plan)}: the plan on the master {master.Target.Name} (when it goes down, VRRP hands the traffic to {first.Name})");
        Step(sb, ref step, $"Post-check: $ {GaiaCommands.VrrpState(first)}  -> one master and the others backup again (within execute.failover_timeout)");
        sb.Append("  A critical failure on a backup member stops the cluster there: ").Append(master.Target.Name)
            .Append(" is never touched and keeps serving traffic.\n");
        sb.Append("  The plan on each member (shown for ").Append(first.Name).Append("):\n");
        PlanOn(sb, plan, first, agent);
    }

    private static void Step(StringBuilder sb, ref int step, string text) =>
        sb.Append("  ").Append(step++).Append(". ").Append(text).Append('\n');

    /// <summary>What "upgraded" means for a plan: the package it installs is installed, else its plan succeeded.</summary>
    private static string Ready(Plan plan) => Steps.PlanActionRunners.InstalledPackage(plan) switch
    {
        { Kind: Config.PackageKind.Upgrade } u => $"runs {u.TargetVersion} ($ fw ver)",
        { } p => $"has {p.Name} ($ show installer packages installed)",
        null => "has run the plan successfully",
    };

    private static void Connectivity(StringBuilder sb, Plan plan, Transport.Target t)
    {
        if (plan.Settings.ConnectivityUpgrade && Steps.PlanActionRunners.InstalledPackage(plan) is { Kind: Config.PackageKind.Upgrade })
        {
            sb.Append("  connectivity_upgrade: connections are kept through the version change (Multi-Version Cluster): $ ")
                .Append(GaiaCommands.Mvc(t, on: true)).Append(" on each upgraded member before the failover, $ ")
                .Append(GaiaCommands.Mvc(t, on: false)).Append(" on every member at the end.\n");
        }
    }

    private static void PlanOn(StringBuilder sb, Plan plan, Target t, string? agent)
    {
        if (plan.Settings.UpdateCpuse)
        {
            sb.Append("    0. update_cpuse: the CPUSE deployment agent first\n");
            foreach (var line in ExplainLines.UpdateAgent(t, agent))
            {
                sb.Append("         ").Append(line).Append('\n');
            }
        }

        for (var i = 0; i < plan.Actions.Count; i++)
        {
            var action = plan.Actions[i];
            sb.Append("    ").Append(i + 1).Append(". ").Append(ExplainLines.Header(action, policy: false)).Append('\n');
            foreach (var line in ExplainLines.Lines(action, t))
            {
                sb.Append("         ").Append(line).Append('\n');
            }
        }
    }
}
