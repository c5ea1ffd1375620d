using Cdt.Execution;
using Cdt.Reporting.Html;
using Cdt.Storage;

namespace Cdt.Reporting;

/// <summary>
/// A run folder's reports: <c>CDT_status.txt</c> and the brief one kept current, NLog's main and
/// per-target logs, and at the end <c>results.csv</c>, <c>summary.json</c> and <c>report.html</c>.
/// </summary>
public sealed class RunFolderReports : IRunReports
{
    private readonly IFileStore _files;
    private readonly TimeProvider _time;
    private readonly Func<long> _realMilliseconds;

    /// <param name="realMilliseconds">A monotonic real clock in milliseconds, to throttle status writes on simulated time.</param>
    public RunFolderReports(IFileStore files, TimeProvider time, Func<long> realMilliseconds)
    {
        _files = files;
        _time = time;
        _realMilliseconds = realMilliseconds;
    }

    public IRunFolderReports Open(RunFolderInfo run) => new OpenFolder(this, run);

    private sealed class OpenFolder : IRunFolderReports
    {
        private readonly RunFolderReports _owner;
        private readonly RunFolderInfo _run;
        private readonly StatusFilesObserver _status;
        private readonly NLogRunObserver _log;

        public OpenFolder(RunFolderReports owner, RunFolderInfo run)
        {
            _owner = owner;
            _run = run;
            _status = new StatusFilesObserver(owner._files, run.Folder, owner._time, run.StatusInterval, run.Deadline, owner._realMilliseconds);
            _log = new NLogRunObserver(run.Folder, run.LogConfig);
            Observers = [_status, _log];
        }

        public IReadOnlyList<IRunObserver> Observers { get; }

        public RunReportPaths Finish(RunPlan plan, RunState state, RunResult result)
        {
            var rows = RunResults.Build(plan.Rows, state, _run.Reasons);
            var results = Path.Combine(_run.Folder, ExecutionService.ResultsName);
            var summary = Path.Combine(_run.Folder, ExecutionService.SummaryName);
            ResultsCsvWriter.Write(_owner._files, results, rows);
            RunSummaryBuilder.Write(_owner._files, summary, RunSummaryBuilder.Build(_run.ListPath, _run.Folder, state, rows, result, _run.Deadline));
            _status.Write(state, _owner._time.GetLocalNow());
            var roster = plan.Units.SelectMany(u => u.Targets.Select(t => new ReportRosterEntry(t.Name, u.Name, u.Batch))).ToList();
            var report = HtmlReport.Write(_owner._files, _run.Folder, roster);
            return new RunReportPaths(results, summary, report);
        }

        public void Dispose() => _log.Dispose();
    }
}
