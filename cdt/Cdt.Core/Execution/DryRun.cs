using System.Globalization;
using System.Text;
using Cdt.Config;
using Cdt.Diagnostics;
using Cdt.Formats;
using Cdt.Yaml;
using Cdt.Fleet;

namespace Cdt.Execution;

/// <summary>
/// <c>--dry-run</c>: the resolved batches, each cluster's order, and a predicted timeline against
/// the deadline, from estimates only. Touches nothing.
/// </summary>
public static class DryRun
{
    public static string Render(RunPlan plan, ExecuteSettings settings, DurationEstimator estimator, DateTimeOffset now, int logicalGroups = LogicalGroups.Default)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"dry run: nothing is touched; {plan.Targets.Count()} target(s) in {plan.Batches.Count} batch(es), max_parallel {settings.MaxParallel}\n");
        sb.Append("deadline: ").Append(settings.Deadline is { } d ? IsoTime.Format(d) + " (" + settings.DeadlinePolicy.ToString().ToLowerInvariant() + ")" : "none").Append('\n');
        sb.Append(FailureBudgets(plan, settings));
        sb.Append("approval gates: ").Append(settings.ApproveAfter.Count == 0
            ? "none"
            : "after batch " + string.Join(", ", settings.ApproveAfter.Select(g => g.ToString(CultureInfo.InvariantCulture))) + " (the run stops there until 'cdt approve'; the times below assume an approval at once)").Append('\n');
        if (settings.Policies != PolicyInstall.None)
        {
            sb.Append("policy after the package: the ").Append(Policy.PolicyRun.Describe(settings.Policies)).Append(" policy (")
                .Append(settings.PolicyPackage ?? "each object's own policy package").Append("), once per unit after its last member")
                .Append(settings.InstallPolicyDefaulted ? " (execute.install_policy not set: CDT's default with an inventory from the management server)" : string.Empty).Append('\n');
        }

        var clock = now;
        foreach (var (batch, index) in plan.Batches.Select((b, i) => (b, i)))
        {
            // The soak holds the next batch back: it counts against the deadline (predict).
            var soak = batch != plan.Batches[^1] ? settings.Soak : TimeSpan.Zero;
            var estimate = estimator.BatchWithSoak(batch.Units, settings.MaxParallel, soak);
            var end = clock + estimate;
            var starts = DeadlineRule.Check(settings.Deadline, settings.DeadlinePolicy, clock, end);
            var verdict = starts switch
            {
                DeadlineVerdict.Passed => "would not start: the deadline has passed by then",
                DeadlineVerdict.WouldEndAfter => "would not start: predicted to end after the deadline",
                _ => "predicted " + IsoTime.Format(clock) + " -> " + IsoTime.Format(end),
            };

            sb.Append(CultureInfo.InvariantCulture, $"\nbatch {batch.Number}: {batch.TargetCount} target(s), {batch.Units.Count} unit(s); {verdict}\n");
            if (soak > TimeSpan.Zero)
            {
                sb.Append("  then soaks ").Append(DurationText.Format(soak)).Append(" (execute.soak) before the next batch\n");
            }

            if (settings.BatchStopAfterFailures is { } batchBudget)
            {
                sb.Append(CultureInfo.InvariantCulture, $"  stops at failure {batchBudget.Limit(batch.TargetCount)} (batch_stop_after_failures: {batchBudget.Describe(batch.TargetCount)})\n");
            }

            foreach (var unit in batch.Units)
            {
                sb.Append("  ").Append(unit.Name);
                if (unit.IsCluster)
                {
                    sb.Append(" (").Append(unit.Kind).Append("): ").Append(Order(unit, logicalGroups));
                }

                sb.Append(CultureInfo.InvariantCulture, $"  ~{DurationText.Format(Round(estimator.Unit(unit)))}\n");
            }

            if (starts == DeadlineVerdict.Starts)
            {
                clock = end;
            }

            if (settings.ApproveAfter.Contains(batch.Number) && index + 1 < plan.Batches.Count)
            {
                sb.Append(CultureInfo.InvariantCulture, $"  -- gate: the run waits here for 'cdt approve' before batch {plan.Batches[index + 1].Number} --\n");
            }
        }

        return sb.ToString();
    }

    /// <summary>The run's failure budget as the engine will apply it (a share rounded up, at least 1).</summary>
    private static string FailureBudgets(RunPlan plan, ExecuteSettings settings)
    {
        var targets = plan.Targets.Count();
        var run = settings.StopAfterFailures is { } b
            ? string.Create(CultureInfo.InvariantCulture, $"the run stops at failure {b.Limit(targets)} (stop_after_failures: {b.Describe(targets)})")
            : "no run failure budget (stop_after_failures unset)";
        var batch = settings.ContinueAfterFailedBatch ? "the next batch starts after a batch with failures" : "no batch starts after a batch with a failure";
        return "failures: " + run + "; " + batch + "\n";
    }

    /// <summary>The order the choreography will follow, from the State column the list was generated with.</summary>
    public static string Order(RunUnit unit, int logicalGroups = LogicalGroups.Default)
    {
        switch (unit.Kind)
        {
            case UnitKind.SecurityGroup when unit.Cluster is { } sg:
                var groups = LogicalGroups.Split(SecurityGroupMember.Of(unit.Members.Select(m => m.Gateway)), LogicalGroups.For(sg, logicalGroups));
                return string.Join(" -> failover -> ", groups.Select(g => "group " + g.Label + " (" + g.Ids + ")"));
            case UnitKind.DualChassis:
                return "the standby chassis (as asg stat shows it then) -> failover -> the other chassis";
            case UnitKind.ActivePassivePair:
                return "on the active node: install without reboot, switch over, reboot, verify, sync -> the same on the other node, switching back -> again while updates are pending";
        }

        static bool Active(RunTarget t) => t.Row.State is "active" or "master" or "VSLS active member";
        var first = unit.Targets.Where(t => !Active(t)).Select(t => t.Name + " (" + (t.Row.State.Length > 0 ? t.Row.State : "member") + ")").ToList();
        var last = unit.Targets.Where(Active).ToList();
        var parts = new List<string>(first);
        if (last.Count > 0)
        {
            parts.Add(unit.Kind == UnitKind.Vrrp ? "master fails over by its reboot" : "failover");
            parts.AddRange(last.Select(t => t.Name + " (" + t.Row.State + ")"));
        }

        return string.Join(" -> ", parts);
    }

    private static TimeSpan Round(TimeSpan t) => TimeSpan.FromMinutes(Math.Ceiling(t.TotalMinutes));
}
