using System.Globalization;
using System.Security.Cryptography;
using Cdt.Candidates;
using Cdt.Execution.Choreography;
using Cdt.Files;
using Cdt.Fleet;
using Cdt.Gaia;
using Cdt.Locking;
using Cdt.Reporting;
using Cdt.Transport;

namespace Cdt.Execution;

/// <summary>
/// One execute or resume, end to end: validate the list (any problem: nothing runs), lock it,
/// open the run folder and its journal, run the engine, and write the results, the summary and
/// the status files, whatever happens.
/// </summary>
public sealed class ExecutionService
{
    public const string JournalName = "journal.jsonl";
    public const string ResultsName = "results.csv";
    public const string SummaryName = "summary.json";

    private readonly Func<FleetInventory, IRemoteShell> _shellFactory;
    private readonly TimeProvider _time;
    private readonly ChoreographyRegistry _choreographies;
    private readonly int _pid;

    public ExecutionService(Func<FleetInventory, IRemoteShell> shellFactory, TimeProvider time, ChoreographyRegistry choreographies, int pid)
    {
        _shellFactory = shellFactory;
        _time = time;
        _choreographies = choreographies;
        _pid = pid;
    }

    /// <summary>Validates the list and resolves it into batches and units; throws the list's problems as bad input.</summary>
    public static (RunPlan Plan, FleetInventory Inventory) Prepare(ExecuteRequest request)
    {
        var validation = ListValidation.ValidateFile(request.ListPath, request.Config.Inventory);
        if (!validation.IsValid)
        {
            throw new CdtInputException(validation.Problems);
        }

        if (validation.ForRemoval is { } removal && removal != request.NeedsRemovalList)
        {
            throw new CdtInputException(request.ListPath, null, null, removal
                ? "was generated for removing the package (its batches hold the gateways that have it): run it with --uninstall, or with the plan that uninstalls it"
                : "was generated for installing the package (its batches hold the gateways without it), so an uninstall would remove nothing: generate a list for the uninstall with 'cdt generate --uninstall' (or with the uninstall plan)");
        }

        var inventory = InventoryLoader.LoadFile(request.Config.Inventory);
        return (RunPlanBuilder.Build(validation.Rows, inventory, request.ListPath), inventory);
    }

    public async Task<ExecuteOutcome> RunAsync(ExecuteRequest request, RunControl control, IReadOnlyList<IRunObserver> observers, Action<string> warn)
    {
        var (plan, inventory) = Prepare(request);
        if (request.PlanPath is not null && plan.Units.Where(u => u.Kind == UnitKind.ActivePassivePair).Select(u => u.Name).ToList() is { Count: > 0 } pairs)
        {
            warn($"{string.Join(", ", pairs)}: an active/passive pair runs its own configured commands; the plan's actions are not sent to it");
        }

        var listSha = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(request.ListPath)));
        var lockFile = new RunLockFile(request.ListPath + ".lock", new OsProcessTable(), _time);
        var attempt = await lockFile.TryAcquireAsync(OsProcessTable.Self("cdt execute " + request.ListPath) with { Pid = _pid }, control.Hard);
        if (!attempt.Acquired)
        {
            throw new LockHeldException(lockFile.Path, attempt.HeldBy?.Describe() ?? attempt.Error ?? "another process");
        }

        using var runLock = attempt.Lease!;
        if (attempt.Stale is { } stale)
        {
            warn($"took over a stale lock {lockFile.Path}: its holder ({stale.Describe()}) no longer runs");
        }

        var (folder, previous) = OpenRunFolder(request, listSha);
        var deadline = request.Deadline ?? (previous?.Deadline is { } d ? DateTimeOffset.Parse(d, CultureInfo.InvariantCulture) : request.Config.Execute.Deadline);
        var settings = request.Config.Execute with { Deadline = deadline };
        var state = new RunState(plan);
        var journalPath = Path.Combine(folder, JournalName);
        if (previous is not null)
        {
            foreach (var e in RunJournal.Read(journalPath))
            {
                state.Apply(e);
            }
        }

        var estimator = new DurationEstimator(DurationEstimator.FromJournals(settings.LogsDir), settings.Estimate, settings.FailoverTimeout);
        state.Overview = new RunOverview(plan, estimator, settings.MaxParallel, deadline);
        var status = new StatusFilesObserver(folder, _time, settings.StatusInterval, deadline, () => Environment.TickCount64);
        using var nlog = new NLogRunObserver(folder, request.LogConfig);
        using var journal = new RunJournal(journalPath);
        var recorder = new RunRecorder(journal, state, _time, [status, nlog, .. observers]);
        recorder.Emit(new RunEvent
        {
            At = recorder.Now(),
            Event = previous is null ? RunEvents.RunStarted : RunEvents.RunResumed,
            List = request.ListPath,
            ListSha256 = listSha,
            Config = request.Config.Source,
            Plan = request.PlanPath,
            Deadline = deadline is { } dl ? IsoTime.Format(dl) : null,
            Pid = _pid,
            Action = request.Uninstall ? "uninstall" : null,
        });

        var shell = _shellFactory(inventory);
        RunResult result;
        try
        {
            var context = new RunContext
            {
                Settings = settings,
                Driver = new GaiaDriver(shell, settings.CommandTimeout),
                Time = _time,
                Recorder = recorder,
                Steps = request.Steps,
                Package = request.Package,
                RunFolder = folder,
                RetryFailed = request.RetryFailed,
                Uninstall = request.Uninstall,
                RemovesPackage = request.NeedsRemovalList,
                ConnectivityUpgrade = request.Config.ConnectivityUpgrade,
                SecurityGroups = request.Config.SecurityGroups,
                ActivePassive = request.Config.ActivePassive,
            };
            result = await new RunEngine(context, plan, _choreographies, estimator).RunAsync(control);
        }
        catch (Exception)
        {
            // Stopped at once (second Ctrl-C) or broken: still leave results for what happened.
            WriteReports(request.ListPath, folder, plan, state, RunResult.From(RunStop.Cancelled, "interrupted", state), deadline);
            throw;
        }
        finally
        {
            await shell.DisposeAsync();
        }

        var paths = WriteReports(request.ListPath, folder, plan, state, result, deadline);
        status.Write(state, _time.GetLocalNow());
        return new ExecuteOutcome(result, folder, paths.Results, paths.Summary, journalPath);
    }

    private static (string Results, string Summary) WriteReports(string list, string folder, RunPlan plan, RunState state, RunResult result, DateTimeOffset? deadline)
    {
        var record = GenerationRecordStore.TryRead(list, out _);
        var reasons = record?.Rows.Where(r => r.Reason is not null).ToDictionary(r => r.Name, r => r.Reason!, StringComparer.Ordinal) ?? [];
        var rows = RunResults.Build(plan.Rows, state, reasons);
        var results = Path.Combine(folder, ResultsName);
        var summary = Path.Combine(folder, SummaryName);
        ResultsCsvWriter.Write(results, rows);
        RunSummaryBuilder.Write(summary, RunSummaryBuilder.Build(list, folder, state, rows, result, deadline));
        return (results, summary);
    }

    /// <summary>A new folder logs/&lt;execution time&gt;/, or for resume the latest run of this list (which must be unchanged).</summary>
    private (string Folder, RunEvent? Started) OpenRunFolder(ExecuteRequest request, string listSha)
    {
        var logs = request.Config.Execute.LogsDir;
        if (!request.Resume)
        {
            var stamp = _time.GetLocalNow().ToString("yyyy-MM-dd_HH-mm-ss", CultureInfo.InvariantCulture);
            var folder = Path.Combine(logs, stamp);
            for (var n = 2; Directory.Exists(folder); n++)
            {
                folder = Path.Combine(logs, stamp + "-" + n.ToString(CultureInfo.InvariantCulture));
            }

            Directory.CreateDirectory(folder);
            return (folder, null);
        }

        var candidates = request.ResumeFolder is { } given ? [given] : Directory.Exists(logs) ? Directory.GetDirectories(logs).Order(StringComparer.Ordinal).Reverse().ToArray() : [];
        foreach (var folder in candidates)
        {
            var journal = Path.Combine(folder, JournalName);
            if (!File.Exists(journal))
            {
                continue;
            }

            var started = RunJournal.Read(journal).FirstOrDefault(e => e.Event == RunEvents.RunStarted);
            if (started?.List != request.ListPath)
            {
                continue;
            }

            if (started.ListSha256 != listSha)
            {
                throw new CdtInputException(request.ListPath, null, null, $"changed since the run in {folder} started: resume continues that run exactly, so the list must be the same; start a new run with 'cdt execute' instead");
            }

            if ((started.Action == "uninstall") != request.Uninstall)
            {
                throw new CdtInputException(request.ListPath, null, null, started.Action == "uninstall"
                    ? $"the run in {folder} uninstalls the package: resume it with --uninstall"
                    : $"the run in {folder} installs the package: resume it without --uninstall");
            }

            return (folder, started);
        }

        throw new CdtInputException(request.ListPath, null, null, $"no earlier run of this list to resume in {logs}: start one with 'cdt execute'");
    }
}
