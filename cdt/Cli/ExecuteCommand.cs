using System.CommandLine;
using System.Globalization;
using Cdt.Scheduling;
using Cdt.Execution;
using Cdt.Diagnostics;
using Cdt.Formats;
using Cdt.Execution.Steps;

namespace Cdt.Cli;

/// <summary>
/// <c>cdt execute LIST</c> (alias <c>install</c>; CDT: <c>-execute -candidates=LIST</c>, <c>-install LIST</c>)
/// and <c>cdt resume LIST</c>: run the list batch by batch and report.
/// </summary>
public static class ExecuteCommand
{
    private enum Kind
    {
        Execute,
        Resume,
        Approve,
    }

    public static Command Build(CliContext context) => Create(context, "execute", "Install batch by batch, as the list says", Kind.Execute);

    public static Command BuildResume(CliContext context) => Create(context, "resume", "Continue the latest run of a list after a crash, kill or Ctrl-C", Kind.Resume);

    /// <summary><c>cdt approve LIST [--note TEXT]</c>: opens the gate a paused run waits at, then continues it exactly as <c>cdt resume</c>.</summary>
    public static Command BuildApprove(CliContext context) => Create(context, "approve", "Approve the gate a paused run waits at (who, when, a note) and continue the run as resume does", Kind.Approve);

    private static Command Create(CliContext context, string name, string description, Kind kind)
    {
        var resume = kind != Kind.Execute;
        var list = new Argument<string>("LIST") { Description = "The candidates list" };
        var plan = new Option<string?>("--plan", "--deploymentplan") { Description = "Deployment plan (Advanced mode)" };
        var deadline = new Option<string?>("--deadline") { Description = "No batch starts at or after this time (ISO 8601 with offset); wins over cdt.conf" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Show batches, cluster order and a predicted timeline; touch nothing" };
        var resumeOption = new Option<bool>("--resume") { Description = "Continue the latest run of this list" };
        var run = new Option<string?>("--run") { Description = "Resume this run folder (default: the latest run of the list)" };
        var retry = new Option<bool>("--retry-failed") { Description = "On resume, run the targets that failed again" };
        var uninstall = new Option<bool>("--uninstall") { Description = "Remove the package instead of installing it: same batches, same cluster and Security Group procedures" };
        var ignoreLock = new Option<bool>("--ignore-lock") { Description = "Run even though a schedule's update lock is set (see cdt status)" };
        var pause = new Option<int[]>("--pause-after-batch") { HelpName = "N", Description = "Stop after batch N and wait for 'cdt approve' (repeatable; added to execute.approve_after)", Arity = ArgumentArity.OneOrMore, AllowMultipleArgumentsPerToken = false };
        var note = new Option<string?>("--note") { HelpName = "TEXT", Description = "Why you approve, journaled with your user name and the time (at most 500 characters)" };
        var command = new Command(name, description) { list, plan };
        if (kind == Kind.Approve)
        {
            command.Options.Add(note);
            command.Options.Add(run);
            command.Options.Add(uninstall);
            command.Options.Add(ignoreLock);
        }
        else
        {
            foreach (var o in new Option[] { deadline, dryRun, retry, run, uninstall, ignoreLock, pause })
            {
                command.Options.Add(o);
            }
        }

        if (kind == Kind.Execute)
        {
            command.Options.Add(resumeOption);
            command.Aliases.Add("install");
        }

        command.SetAction(async (parse, ct) =>
        {
            var config = Settings.LoadConfig(parse.GetValue(CdtApp.ConfigOption), context);
            var planPath = parse.GetValue(plan) is { } p ? context.Resolve(p) : null;
            var advanced = Settings.ResolvePlan(context.Files, config, planPath);
            var listPath = context.Resolve(parse.GetValue(list)!);
            var removing = parse.GetValue(uninstall);
            if (removing && advanced is not null)
            {
                throw Settings.UninstallWithPlan(planPath!);
            }

            DateTimeOffset? deadlineValue = null;
            if (parse.GetValue(deadline) is { } text)
            {
                deadlineValue = IsoTime.TryParse(text, out var dl) ? dl : throw new CdtInputException($"cdt: --deadline {text}: write an ISO 8601 time with an offset, e.g. 2026-11-23T06:00:00+01:00");
            }

            var mail = config.Smtp is { } smtp ? new Host.SmtpMailSender(smtp, context.Environment) : null;
            var (setup, choreographies) = Plans.RunSetup.For(context.Files, config, advanced, planPath, listPath, mail, Warn(context));
            var request = setup with
            {
                Deadline = deadlineValue,
                Resume = resume || parse.GetValue(resumeOption),
                ResumeFolder = parse.GetValue(run) is { } r ? context.Resolve(r) : null,
                RetryFailed = parse.GetValue(retry),
                PauseAfterBatch = PauseAfter(parse.GetValue(pause)),
                Approval = kind == Kind.Approve ? Approval.Of(UserName(context), parse.GetValue(note)) : null,
                Uninstall = removing,
                Steps = removing ? BasicPlan.Build(config, uninstall: true) : setup.Steps,
            };
            var options = new ExecuteOptions { DryRun = parse.GetValue(dryRun), IgnoreLock = parse.GetValue(ignoreLock), StateDir = context.Resolve(config.StateDir) };
            var workflow = new ExecuteWorkflow(LocalPorts.Workflow(context, config, choreographies));
            return await RunAsync(context, request, control => workflow.RunAsync(request, options, control, Warn(context)), ct);
        });
        return command;
    }

    /// <summary>Runs <paramref name="run"/> under <see cref="RunSignals"/> and prints its verdict: results on stdout, refusals on stderr.</summary>
    public static async Task<int> RunAsync(CliContext context, ExecuteRequest request, Func<RunControl, Task<ExecuteVerdict>> run, CancellationToken ct)
    {
        using var control = new RunControl();
        using var signals = RunSignals.For(control, context.Error, ct);
        try
        {
            return await PrintAsync(context, request, await run(control));
        }
        catch (OperationCanceledException)
        {
            await context.Error.WriteLineAsync("cdt: stopped at once; the journal is consistent: continue with 'cdt resume " + request.ListPath + "'");
            return ExitCodes.Cancelled;
        }
    }

    /// <summary>Who approves: $USER, else $LOGNAME (as cdt unlock records), else the account this process runs as.</summary>
    public static string UserName(CliContext context) => context.Environment("USER") ?? context.Environment("LOGNAME") ?? Environment.UserName;

    private static int[] PauseAfter(int[]? batches)
    {
        foreach (var b in batches ?? [])
        {
            if (b < 1)
            {
                throw new CdtInputException($"cdt: --pause-after-batch {b.ToString(CultureInfo.InvariantCulture)}: give a batch number of at least 1");
            }
        }

        return batches ?? [];
    }

    public static Action<string> Warn(CliContext context) => w => context.Error.WriteLine("cdt: warning: " + w);

    public static int ExitCodeOf(RunResult r) => r.Stop switch
    {
        RunStop.Failure => ExitCodes.RunFailure,
        RunStop.Cancelled => ExitCodes.Cancelled,
        RunStop.Threshold => ExitCodes.Threshold,
        RunStop.Deadline => ExitCodes.Deadline,
        RunStop.AwaitingApproval => ExitCodes.AwaitingApproval,
        _ => r.Failed > 0 ? ExitCodes.SomeFailed : ExitCodes.Ok,
    };

    /// <summary>The run's code; reports the system refused (a full disk) come right after a failure of cdt itself.</summary>
    public static int ExitCodeOf(ExecuteOutcome outcome) =>
        outcome.ReportError is not null && outcome.Run.Stop != RunStop.Failure ? ExitCodes.IoError : ExitCodeOf(outcome.Run);

        private static async Task<int> PrintAsync(CliContext context, ExecuteRequest request, ExecuteVerdict verdict)
    {
        switch (verdict)
        {
            case ExecuteVerdict.Previewed preview:
                await context.Out.WriteAsync(preview.Text);
                return ExitCodes.Ok;
            case ExecuteVerdict.Refused refused:
                foreach (var reason in refused.Reasons)
                {
                    await context.Error.WriteLineAsync("cdt: " + reason);
                }

                return ExitCodes.Locked;
            case ExecuteVerdict.Ran { Outcome: var outcome }:
                var r = outcome.Run;
                await context.Out.WriteLineAsync(r.Stop == RunStop.AwaitingApproval
                    ? string.Create(CultureInfo.InvariantCulture, $"{r.Succeeded} succeeded, {r.Failed} failed, {r.NotStarted} waiting; paused: {r.StopMessage}: continue with 'cdt approve {request.ListPath} [--note TEXT]'")
                    : string.Create(CultureInfo.InvariantCulture, $"{r.Succeeded} succeeded, {r.Failed} failed, {r.NotStarted} not started") + (r.StopMessage is null ? string.Empty : "; stopped: " + r.StopMessage));
                await context.Out.WriteLineAsync("results: " + outcome.ResultsPath);
                await context.Out.WriteLineAsync("summary: " + outcome.SummaryPath);
                await context.Out.WriteLineAsync("report: " + outcome.ReportPath);
                await context.Out.WriteLineAsync("logs: " + outcome.RunFolder);
                if (outcome.ReportError is { } error)
                {
                    await context.Error.WriteLineAsync($"cdt: {error}; the journal {outcome.JournalPath} has the whole run: once there is room, 'cdt report {outcome.RunFolder}' writes report.html again");
                }

                return ExitCodeOf(outcome);
            default:
                throw new InvalidOperationException("unknown verdict " + verdict);
        }
    }
}
