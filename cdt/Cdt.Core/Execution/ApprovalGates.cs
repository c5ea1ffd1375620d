using System.Globalization;

namespace Cdt.Execution;

/// <summary>
/// Where a run waits for <c>cdt approve</c>: the gate after batch N holds before the first later
/// batch starts, until an approval of N is journaled. The run and its dry run read the gates here.
/// </summary>
public static class ApprovalGates
{
    /// <summary>
    /// The gates a run keeps: <c>--pause-after-batch</c> added to the gates the resumed run
    /// recorded when it started (a run keeps its gates, as it keeps its deadline), or to
    /// cdt.conf's for a new run.
    /// </summary>
    public static IReadOnlyList<int> Resolve(IReadOnlyList<int> commandLine, IReadOnlyList<int>? resumedRun, IReadOnlyList<int> config) =>
        [.. new SortedSet<int>([.. commandLine, .. resumedRun ?? config])];

    /// <summary>The unapproved gate that holds before <paramref name="batch"/> starts, if any: a gate after an earlier batch of the plan.</summary>
    public static int? Holding(IReadOnlyList<int> gates, RunPlan plan, int batch, RunState state)
    {
        foreach (var gate in gates)
        {
            if (gate < batch && plan.Batches.Any(b => b.Number == gate) && !state.Read(s => s.Approvals.Any(a => a.Batch == gate)))
            {
                return gate;
            }
        }

        return null;
    }

    /// <summary>Gates where nothing would wait: a batch the list does not have, or its last batch.</summary>
    public static IEnumerable<string> Idle(IReadOnlyList<int> gates, RunPlan plan)
    {
        var last = plan.Batches.Count == 0 ? 0 : plan.Batches[^1].Number;
        foreach (var gate in gates)
        {
            var n = gate.ToString(CultureInfo.InvariantCulture);
            if (!plan.Batches.Any(b => b.Number == gate))
            {
                yield return $"gate after batch {n}: the list has no batch {n} (its batches: {string.Join(", ", plan.Batches.Select(b => b.Number.ToString(CultureInfo.InvariantCulture)))}); nothing waits there";
            }
            else if (gate == last)
            {
                yield return $"gate after batch {n}: it is the list's last batch; nothing waits there";
            }
        }
    }

    public static string Waiting(int gate) => "waiting for approval after batch " + gate.ToString(CultureInfo.InvariantCulture);
}
