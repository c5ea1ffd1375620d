using System.Globalization;
using Cdt.Candidates;
using Cdt.Config;
using Cdt.Execution.Choreography;
using Cdt.Diagnostics;
using Cdt.Formats;
using Cdt.Yaml;
using Cdt.Fleet;
using Cdt.Gaia;
using Cdt.Locking;
using Cdt.Storage;

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

    private readonly ExecutionPorts _ports;
    private readonly TimeProvider _time;
    private readonly IFileStore _files;

    public ExecutionService(ExecutionPorts ports)
    {
        _ports = ports;
        _time = ports.Time;
        _files = ports.Files;
    }

    /// <summary>Validates the list and resolves it into batches and units; throws the list's problems as bad input.</summary>
    public (RunPlan Plan, FleetInventory Inventory) Prepare(ExecuteRequest request, Action<string> warn)
    {
        var validation = ListValidation.ValidateFile(_files, request.ListPath, request.Config.Inventory, request.NeedsRemovalList ? null : request.Package);
        if (!validation.IsValid)
        {
            throw new CdtInputException(validation.Problems);
        }

        foreach (var w in validation.Warnings)
        {
            warn(w);
        }

        if (validation.ForRemoval is { } removal && removal != request.NeedsRemovalList)
        {
            throw new CdtInputException(request.ListPath, null, null, removal
                ? "was generated for removing the package (its batches hold the gateways that have it): run it with --uninstall, or with the plan that uninstalls it"
                : "was generated for installing the package (its batches hold the gateways without it), so an uninstall would remove nothing: generate a list for the uninstall with 'cdt generate --uninstall' (or with the uninstall plan)");
        }

        var inventory = InventoryLoader.LoadFile(_files, request.Config.Inventory);
        return (RunPlanBuilder.Build(validation.Rows, inventory, request.ListPath), inventory);
    }

    /// <summary>
    /// <c>--dry-run</c>: what the run would do, from estimates only; touches nothing. A resume
    /// shows the deadline the resumed run keeps, read from its journal.
    /// </summary>
    public string RenderDryRun(ExecuteRequest request, Action<string> warn)
    {
        var (plan, _) = Prepare(request, warn);
        var resumed = request.Resume ? FindResumedRun(request, ListSha(request)).Started : null;
        var settings = SettingsFor(request, resumed);
        return DryRun.Render(plan, settings, EstimatorFor(settings), _time.GetLocalNow(), request.Config.SecurityGroups.Groups);
    }

    public async Task<ExecuteOutcome> RunAsync(ExecuteRequest request, RunControl control, IReadOnlyList<IRunObserver> observers, Action<string> warn)
    {
        var (plan, inventory) = Prepare(request, warn);
        if (request.PlanPath is not null && plan.Units.Where(u => u.Kind == UnitKind.ActivePassivePair).Select(u => u.Name).ToList() is { Count: > 0 } pairs)
        {
            warn($"{string.Join(", ", pairs)}: an active/passive pair runs its own configured commands; the plan's actions are not sent to it");
        }

        var listSha = ListSha(request);
        var lockFile = ListLock.For(_files, request.ListPath, _ports.Processes, _time);
        var me = _ports.Processes.Self("cdt execute " + request.ListPath);
        var attempt = await lockFile.TryAcquireAsync(me, control.Hard);
        if (attempt is { Acquired: false, HeldBy: null, Error: { } lockError })
        {
            throw new CdtInputException(lockError);
        }

        if (!attempt.Acquired)
        {
            throw new LockHeldException(lockFile.Path, attempt.HeldBy?.Describe() ?? attempt.Error ?? "another process");
        }

        using var runLock = attempt.Lease!;
        if (attempt.Stale is { } stale)
        {
            warn($"took over a stale lock {lockFile.Path}: its holder ({stale.Describe()}) no longer runs");
        }

        (string Folder, RunEvent? Started) opened = request.Resume ? FindResumedRun(request, listSha) : (NewRunFolder(request), null);
        var (folder, previous) = opened;
        var settings = SettingsFor(request, previous);
        var deadline = settings.Deadline;
        var state = new RunState(plan);
        var journalPath = Path.Combine(folder, JournalName);
        if (previous is not null)
        {
            foreach (var e in RunJournal.Read(_files, journalPath, warn))
            {
                state.Apply(e);
            }
        }

        var estimator = EstimatorFor(settings);
        state.Overview = new RunOverview(plan, estimator, settings.MaxParallel, deadline);
        var record = GenerationRecordStore.TryRead(_files, request.ListPath, out _);
        using var reports = _ports.Reports.Open(new RunFolderInfo
        {
            ListPath = request.ListPath,
            Folder = folder,
            Deadline = deadline,
            StatusInterval = settings.StatusInterval,
            LogConfig = request.LogConfig,
            Reasons = record?.Rows.Where(r => r.Reason is not null).ToDictionary(r => r.Name, r => r.Reason!, StringComparer.Ordinal) ?? [],
        });
        using var journal = new RunJournal(_files, journalPath);
        var recorder = new RunRecorder(journal, state, _time, [.. reports.Observers, .. observers], warn);
        recorder.Emit(new RunEvent
        {
            At = recorder.Now(),
            Event = previous is null ? RunEvents.RunStarted : RunEvents.RunResumed,
            List = request.ListPath,
            ListSha256 = listSha,
            Config = request.Config.Source,
            Plan = request.PlanPath,
            Deadline = deadline is { } dl ? IsoTime.Format(dl) : null,
            Pid = me.Pid,
            Action = request.Uninstall ? "uninstall" : null,
        });

        var shell = _ports.Shells(inventory);
        RunResult result;
        try
        {
            var context = new RunContext
            {
                Settings = settings,
                Driver = new GaiaDriver(shell, settings.CommandTimeout),
                Time = _time,
                Files = _files,
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
            result = await new RunEngine(context, plan, _ports.Choreographies, estimator).RunAsync(control);
        }
        catch (Exception)
        {
            // Stopped at once (second Ctrl-C) or broken: still leave results for what happened.
            reports.Finish(plan, state, RunResult.From(RunStop.Cancelled, "interrupted", state));
            throw;
        }
        finally
        {
            await shell.DisposeAsync();
        }

        var paths = reports.Finish(plan, state, result);
        return new ExecuteOutcome(result, folder, paths.Results, paths.Summary, journalPath, paths.Report);
    }

    /// <summary>cdt.conf's execute settings with the deadline this run keeps.</summary>
    private static ExecuteSettings SettingsFor(ExecuteRequest request, RunEvent? resumed)
    {
        var recorded = resumed?.Deadline is { } d ? DateTimeOffset.Parse(d, CultureInfo.InvariantCulture) : (DateTimeOffset?)null;
        return request.Config.Execute with { Deadline = DeadlinePrecedence.Resolve(request.Deadline, recorded, request.Config.Execute.Deadline) };
    }

    private DurationEstimator EstimatorFor(ExecuteSettings settings) =>
        new(DurationEstimator.FromJournals(_files, settings.LogsDir), settings.Estimate, settings.FailoverTimeout);

    private string ListSha(ExecuteRequest request) => GenerationRecordStore.FileSha256(_files, request.ListPath);

    /// <summary>A new folder logs/&lt;execution time&gt;/.</summary>
    private string NewRunFolder(ExecuteRequest request)
    {
        var logs = request.Config.Execute.LogsDir;
        var stamp = _time.GetLocalNow().ToString("yyyy-MM-dd_HH-mm-ss", CultureInfo.InvariantCulture);
        var folder = Path.Combine(logs, stamp);
        for (var n = 2; _files.FolderExists(folder); n++)
        {
            folder = Path.Combine(logs, stamp + "-" + n.ToString(CultureInfo.InvariantCulture));
        }

        _files.CreateFolder(folder);
        return folder;
    }

    /// <summary>The latest run of this list (or the run folder given), which must be of the same list, unchanged; reads only.</summary>
    private (string Folder, RunEvent Started) FindResumedRun(ExecuteRequest request, string listSha)
    {
        var logs = request.Config.Execute.LogsDir;
        var candidates = request.ResumeFolder is { } given ? [given] : _files.Folders(logs).Reverse().ToArray();
        foreach (var folder in candidates)
        {
            var journal = Path.Combine(folder, JournalName);
            if (!_files.FileExists(journal))
            {
                continue;
            }

            var started = RunJournal.Read(_files, journal).FirstOrDefault(e => e.Event == RunEvents.RunStarted);
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
