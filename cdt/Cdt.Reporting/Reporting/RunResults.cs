using Cdt.Candidates;
using Cdt.Execution;
using Cdt.Execution.Policy;

namespace Cdt.Reporting;

/// <summary>Joins the list's rows with the run's state: every row gets a status, a start, an end and a message.</summary>
public static class RunResults
{
    /// <param name="reasons">Why rows are N/A, from the generation record, when there is one.</param>
    public static IReadOnlyList<RowResult> Build(IReadOnlyList<CandidateRow> rows, RunState state, IReadOnlyDictionary<string, string> reasons) => state.Read(s => rows.Select(r =>
    {
        if (s.Targets.TryGetValue(r.ObjectName, out var t))
        {
            var status = t.Status switch
            {
                TargetStatus.Succeeded => "succeeded",
                TargetStatus.Failed => "failed",
                TargetStatus.Running => "interrupted",
                TargetStatus.NotStarted => "not started",
                _ => "not started",
            };
            if (t.Status == TargetStatus.Pending && s.WaitingAfter is { } gate)
            {
                return new RowResult(r, "waiting for approval", null, null, ApprovalGates.Waiting(gate));
            }

            var message = t.Status == TargetStatus.Pending && t.Message.Length == 0 ? "not reached" : t.Message;
            if (t.Status == TargetStatus.Succeeded && s.Units.GetValueOrDefault(t.Unit) is { PolicyStatus: PolicyStatuses.Succeeded, PolicyMessage: { } policy })
            {
                // The policy is the unit's: each of its targets says it was installed after the package.
                message += "; " + policy;
            }

            return new RowResult(r, status, t.Started, t.Finished, message);
        }

        return r.Order switch
        {
            UpgradeOrder.NotApplicableOrder => new RowResult(r, "N/A", null, null, reasons.GetValueOrDefault(r.ObjectName) ?? "not eligible"),
            UpgradeOrder.InstalledOrder => new RowResult(r, "installed before", null, null, "the package was already installed"),
            _ => new RowResult(r, "excluded", null, null, "excluded in the list ('-')"),
        };
    }).ToList());
}
