using System.Text.Json;
using Cdt.Execution;
using Cdt.Diagnostics;
using Cdt.Formats;
using Cdt.Yaml;

using Cdt.Storage;

namespace Cdt.Reporting;

/// <summary>Builds and writes summary.json from the run's state and results.</summary>
public static class RunSummaryBuilder
{
    public static RunSummary Build(string list, string runFolder, RunState state, IReadOnlyList<RowResult> results, RunResult result, DateTimeOffset? deadline) =>
        state.Read(s => new RunSummary
        {
            List = list,
            RunFolder = runFolder,
            Started = s.Started is { } st ? IsoTime.Format(st) : null,
            Finished = s.Finished is { } f ? IsoTime.Format(f) : null,
            Deadline = deadline is { } d ? IsoTime.Format(d) : null,
            Outcome = result.Stop switch
            {
                RunStop.Completed => result.Failed == 0 ? "completed" : "completed with failures",
                RunStop.Deadline => "stopped by the deadline",
                RunStop.Threshold => "stopped by the failure policy",
                RunStop.Failure => "stopped by a failure of cdt",
                RunStop.AwaitingApproval => "waiting for approval",
                _ => "cancelled",
            },
            StopReason = result.StopMessage,
            WaitingAfter = s.WaitingAfter,
            Approvals = s.Approvals.Count == 0 ? null : s.Approvals.Select(a => new RunSummary.ApprovalSummary(a.Batch, a.User, IsoTime.Format(a.At), a.Note)).ToList(),
            Counts = results.GroupBy(r => r.Status).ToDictionary(g => g.Key, g => g.Count()),
            Batches = s.Batches.Values.Select(b => new RunSummary.BatchSummary(
                b.Number,
                b.Finished ? "finished" : b.Started ? "interrupted" : b.NotStartedReason is not null ? "not started" : s.WaitingAfter is not null ? "waiting for approval" : "pending",
                s.Targets.Values.Count(t => t.Batch == b.Number),
                b.NotStartedReason)).ToList(),
            Units = s.Units.Values.OrderBy(u => u.Batch).Select(u => new RunSummary.UnitSummary(u.Name, u.Batch, u.Phase, u.Outcome)
            {
                Policy = u.PolicyStatus is { } policy ? new RunSummary.PolicySummary(policy, u.PolicyPackage, u.PolicyMessage) : null,
            }).ToList(),
            Failures = results.Where(r => r.Status == "failed").Select(r => new RunSummary.FailureSummary(r.Row.ObjectName, r.Message)).ToList(),
        });

    public static void Write(IFileStore files, string path, RunSummary summary) =>
        files.WriteAtomic(path, stream => JsonSerializer.Serialize(stream, summary, ReportingJsonContext.Readable.RunSummary));
}
