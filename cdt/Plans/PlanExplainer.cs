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
    public static string Explain(Plan plan, IReadOnlyList<ExplainUnit> units)
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
            Unit(sb, plan, unit);
        }

        return sb.ToString();
    }

    private static void Unit(StringBuilder sb, Plan plan, ExplainUnit unit)
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
                PlanOn(sb, plan, unit.Members[0].Target);
                break;
            case ClusterKind.ClusterXlHa or ClusterKind.VsxVsls:
                Failover(sb, plan, unit);
                break;
            case ClusterKind.Vrrp:
                Vrrp(sb, plan, unit);
                break;
            default:
                sb.Append("  Not explained by this version: ").Append(title)
                    .Append(" members follow their own choreography (see the README).\n");
                break;
        }
    }

    /// <summary>ClusterXL HA and VSX VSLS: the others first, one at a time; fail over; then the former active.</summary>
    private static void Failover(StringBuilder sb, Plan plan, ExplainUnit unit)
    {
        var vsls = unit.Kind == ClusterKind.VsxVsls;
        var activeState = vsls ? MemberState.VslsActiveMember : MemberState.Active;
        var active = unit.Members.FirstOrDefault(m => m.State == activeState) ?? unit.Members[0];
        var others = unit.Members.Where(m => m != active).ToList();
        var a = active.Target;
        var first = others.Count > 0 ? others[0].Target : a;
        var otherWord = vsls ? "VSLS member" : "standby member";
        var step = 1;
        sb.Append("  ").Append(step++).Append(". Pre-check on each member: $ ").Append(GaiaCommands.ClusterState(a))
            .Append("  -> exactly one ACTIVE, the others STANDBY, Active PNOTEs: None\n");
        foreach (var m in others)
        {
            sb.Append("  ").Append(step++).Append(". The plan on the ").Append(otherWord).Append(' ').Append(m.Target.Name).Append('\n');
        }

        sb.Append("  ").Append(step++).Append(". Fail over: on ").Append(a.Name).Append(" $ ").Append(GaiaCommands.ClusterAdmin(a, up: false)).Append('\n')
            .Append("     then on ").Append(first.Name).Append(" $ ").Append(GaiaCommands.ClusterState(first))
            .Append("  -> an upgraded member is ACTIVE (within the failover time-out)\n");
        sb.Append("  ").Append(step++).Append(". The plan on the former active member ").Append(a.Name).Append('\n');
        sb.Append("  ").Append(step++).Append(". On ").Append(a.Name).Append(": $ ").Append(GaiaCommands.ClusterAdmin(a, up: true)).Append('\n');
        sb.Append("  ").Append(step).Append(". Post-check: $ ").Append(GaiaCommands.ClusterState(first))
            .Append("  -> one ACTIVE, the others STANDBY, Active PNOTEs: None\n");
        sb.Append("  A critical failure on a ").Append(otherWord).Append(" stops the cluster there: ").Append(a.Name)
            .Append(" is never touched and keeps serving traffic.\n");
        Connectivity(sb, plan);
        sb.Append("  The plan on each member (shown for ").Append(first.Name).Append("):\n");
        PlanOn(sb, plan, first);
    }

    /// <summary>VRRP: the backup first, then the former master (mastership moves when it goes down).</summary>
    private static void Vrrp(StringBuilder sb, Plan plan, ExplainUnit unit)
    {
        var master = unit.Members.FirstOrDefault(m => m.State == MemberState.Master) ?? unit.Members[0];
        var backups = unit.Members.Where(m => m != master).ToList();
        var first = backups.Count > 0 ? backups[0].Target : master.Target;
        var step = 1;
        sb.Append("  ").Append(step++).Append(". Pre-check on each member: $ ").Append(GaiaCommands.VrrpState(master.Target))
            .Append("  -> one master, the others backup\n");
        foreach (var m in backups)
        {
            sb.Append("  ").Append(step++).Append(". The plan on the backup member ").Append(m.Target.Name).Append('\n');
        }

        sb.Append("  ").Append(step++).Append(". The plan on the former master ").Append(master.Target.Name)
            .Append(" (VRRP moves mastership to ").Append(first.Name).Append(" when it goes down)\n");
        sb.Append("  ").Append(step).Append(". Post-check: $ ").Append(GaiaCommands.VrrpState(first)).Append("  -> one master, the others backup\n");
        sb.Append("  A critical failure on a backup member stops the cluster there: ").Append(master.Target.Name)
            .Append(" is never touched and keeps serving traffic.\n");
        Connectivity(sb, plan);
        sb.Append("  The plan on each member (shown for ").Append(first.Name).Append("):\n");
        PlanOn(sb, plan, first);
    }

    private static void Connectivity(StringBuilder sb, Plan plan)
    {
        if (plan.Settings.ConnectivityUpgrade && plan.Actions.OfType<UpgradePackageAction>().Any())
        {
            sb.Append("  connectivity_upgrade: connections are kept through the version change (Multi-Version Cluster).\n");
        }
    }

    private static void PlanOn(StringBuilder sb, Plan plan, Target t)
    {
        if (plan.Settings.UpdateCpuse)
        {
            sb.Append("    0. update_cpuse: the CPUSE deployment agent first\n");
            foreach (var line in ExplainLines.UpdateAgent(t))
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
