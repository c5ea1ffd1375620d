using System.Globalization;
using Cdt.Candidates;
using Cdt.Config;
using Cdt.Execution.Choreography;
using Cdt.Execution.Policy;
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
    private readonly RunFolders _folders;

    public ExecutionService(ExecutionPorts ports)
    {
        _ports = ports;
        _time = ports.Time;
        _files = ports.Files;
        _folders = new RunFolders(_files, _time);
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
        var plan = RunPlanBuilder.Build(validation.Rows, inventory, request.ListPath);
        if (ApprovalGates.Idle(request.PauseAfterBatch, plan).FirstOrDefault() is { } idle)
        {
            throw new CdtInputException("cdt: --pause-after-batch: " + idle);
        }

        return (plan, inventory);
    }

    /// <summary>
    /// <c>--dry-run</c>: what the run would do, from estimates only; touches nothing. A resume
    /// shows the deadline the resumed run keeps, read from its journal.
    /// </summary>
    public string RenderDryRun(ExecuteRequest request, Action<string> warn)
    {
        var (plan, _) = Prepare(request, warn);
        var history = request.Resume ? RunJournal.Read(_files, Path.Combine(_folders.FindResumed(request, ListSha(request)).Folder, JournalName)) : null;
        var settings = SettingsFor(request, history);
        foreach (var idle in ApprovalGates.Idle(settings.ApproveAfter, plan))
        {
            warn(idle);
        }

        return DryRun.Render(plan, settings, EstimatorFor(settings, request.Config), _time.GetLocalNow(), request.Config.SecurityGroups.Groups);
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

        (string Folder, RunEvent? Started)? resumed = request.Resume ? _folders.FindResumed(request, listSha) : null;
        var policy = await PolicyRun.PrepareAsync(request.Config.Execute, _ports.Policies, plan, control.Hard);
        var (folder, previous) = resumed ?? (_folders.New(request), null);
        var journalPath = Path.Combine(folder, JournalName);
        var history = previous is null ? null : RunJournal.Read(_files, journalPath, warn);
        var settings = SettingsFor(request, history);
        var deadline = settings.Deadline;
        var state = new RunState(plan);
        foreach (var e in history ?? [])
        {
            state.Apply(e);
        }

        int? gate = request.Approval is null ? null : GateToApprove(request, folder, state);
        foreach (var idle in ApprovalGates.Idle(settings.ApproveAfter, plan))
        {
            warn(idle);
        }

        var estimator = EstimatorFor(settings, request.Config);
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
            ApproveAfter = settings.ApproveAfter.Count > 0 ? settings.ApproveAfter : null,
        });
        if (request.Approval is { } approval)
        {
            recorder.Emit(new RunEvent { At = recorder.Now(), Event = RunEvents.Approved, Batch = gate, User = approval.User, Note = approval.Note });
        }

        if (previous is null && settings.InstallPolicyDefaulted && settings.Policies != PolicyInstall.None)
        {
            recorder.Note($"execute.install_policy is not set: as CDT does with an inventory from the management server, the {PolicyRun.Describe(settings.Policies)} policy is installed on each unit after its package (set 'install_policy' to choose)");
        }

        var shell = _ports.Shells(new ShellScope(inventory, folder, previous is not null));
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
                Steps = Health.HealthSteps.Around(request.Steps, request.Config.Health),
                Package = request.Package,
                RunFolder = folder,
                Resumed = previous is not null,
                RetryFailed = request.RetryFailed,
                Uninstall = request.Uninstall,
                RemovesPackage = request.NeedsRemovalList,
                ConnectivityUpgrade = request.Config.ConnectivityUpgrade,
                SecurityGroups = request.Config.SecurityGroups,
                ActivePassive = request.Config.ActivePassive,
                Health = request.Config.Health,
                ClusterSoak = request.Config.Clusters.Soak,
                Policy = policy,
            };
            result = await new RunEngine(context, plan, _ports.Choreographies, estimator).RunAsync(control);
        }
        catch (Exception)
        {
            // Stopped at once (second Ctrl-C) or broken: still leave results for what happened,
            // if the disk allows; how the run stopped is what must come out.
            TryFinish(reports, plan, state, RunResult.From(RunStop.Cancelled, "interrupted", state), out _);
            throw;
        }
        finally
        {
            await shell.DisposeAsync();
            if (policy is not null)
            {
                await policy.Installer.DisposeAsync();
            }
        }

        var paths = TryFinish(reports, plan, state, result, out var reportError);
        return new ExecuteOutcome(result, folder, paths.Results, paths.Summary, journalPath, paths.Report) { ReportError = reportError };
    }

    /// <summary>
    /// When the run that <c>cdt resume</c> would continue last journaled an event: a simulated
    /// fleet's time goes on from there, as the fleet was left. Reads only; null when there is no
    /// such run, which the run itself then reports, after the list's own problems.
    /// </summary>
    public DateTimeOffset? ResumePoint(ExecuteRequest request)
    {
        if (!request.Resume || !_files.FileExists(request.ListPath))
        {
            return null;
        }

        try
        {
            var (folder, _) = _folders.FindResumed(request, ListSha(request));
            var events = RunJournal.Read(_files, Path.Combine(folder, JournalName));
            return events.Count == 0 ? null : DateTimeOffset.Parse(events[^1].At, CultureInfo.InvariantCulture);
        }
        catch (CdtInputException)
        {
            return null;
        }
    }

    /// <summary>
    /// The final reports; a file the system refuses (a full disk) is the run's report error, never
    /// an exception that would hide how the run ended. The journal has every event, so
    /// <c>cdt report</c> can write report.html again once there is room.
    /// </summary>
    private static RunReportPaths TryFinish(IRunFolderReports reports, RunPlan plan, RunState state, RunResult result, out string? error)
    {
        error = null;
        try
        {
            return reports.Finish(plan, state, result);
        }
        catch (FileAccessException e)
        {
            error = e.Message;
            return reports.Paths;
        }
    }

    /// <summary>cdt.conf's execute settings with the deadline and the approval gates this run keeps (<paramref name="history"/>: the resumed run's journal).</summary>
    private static ExecuteSettings SettingsFor(ExecuteRequest request, IReadOnlyList<RunEvent>? history)
    {
        var started = history?.FirstOrDefault(e => e.Event == RunEvents.RunStarted);
        var recorded = started?.Deadline is { } d ? DateTimeOffset.Parse(d, CultureInfo.InvariantCulture) : (DateTimeOffset?)null;
        // A run keeps the gates it last recorded; none recorded means it had none.
        var gates = history is null ? null : history.LastOrDefault(e => e.Event is RunEvents.RunStarted or RunEvents.RunResumed)?.ApproveAfter ?? (IReadOnlyList<int>)[];
        return request.Config.Execute with
        {
            Deadline = DeadlinePrecedence.Resolve(request.Deadline, recorded, request.Config.Execute.Deadline),
            ApproveAfter = ApprovalGates.Resolve(request.PauseAfterBatch, gates, request.Config.Execute.ApproveAfter),
        };
    }

    /// <summary>The gate <c>cdt approve</c> opens: the one the run waits at; a run that is not waiting is refused (bad input), before anything is journaled.</summary>
    private static int GateToApprove(ExecuteRequest request, string folder, RunState state) => state.Read(s => s.WaitingAfter) ?? throw new CdtInputException(request.ListPath, null, null, state.Read(s => s.Finished is null)
        ? $"the run in {folder} is not waiting for approval: it was interrupted; continue it with 'cdt resume'"
        : $"the run in {folder} is not waiting for approval: it ended ({state.Read(s => s.StopReason) ?? "completed"}); nothing to approve");

    private DurationEstimator EstimatorFor(ExecuteSettings settings, CdtConfig config) =>
        new(DurationEstimator.FromJournals(_files, settings.LogsDir), settings.Estimate, settings.FailoverTimeout, config.Clusters.Soak);

    private string ListSha(ExecuteRequest request) => GenerationRecordStore.FileSha256(_files, request.ListPath);
}
