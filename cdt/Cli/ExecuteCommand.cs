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
    public static Command Build(CliContext context) => Create(context, "execute", "Install batch by batch, as the list says", resume: false);

    public static Command BuildResume(CliContext context) => Create(context, "resume", "Continue the latest run of a list after a crash, kill or Ctrl-C", resume: true);

    private static Command Create(CliContext context, string name, string description, bool resume)
    {
        var list = new Argument<string>("LIST") { Description = "The candidates list" };
        var plan = new Option<string?>("--plan", "--deploymentplan") { Description = "Deployment plan (Advanced mode)" };
        var deadline = new Option<string?>("--deadline") { Description = "No batch starts at or after this time (ISO 8601 with offset); wins over cdt.conf" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Show batches, cluster order and a predicted timeline; touch nothing" };
        var resumeOption = new Option<bool>("--resume") { Description = "Continue the latest run of this list" };
        var run = new Option<string?>("--run") { Description = "Resume this run folder (default: the latest run of the list)" };
        var retry = new Option<bool>("--retry-failed") { Description = "On resume, run the targets that failed again" };
        var uninstall = new Option<bool>("--uninstall") { Description = "Remove the package instead of installing it: same batches, same cluster and Security Group procedures" };
        var ignoreLock = new Option<bool>("--ignore-lock") { Description = "Run even though a schedule's update lock is set (see cdt status)" };
        var command = new Command(name, description) { list, plan, deadline, dryRun, retry, run, uninstall, ignoreLock };
        if (!resume)
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
            return await PrintAsync(context, await run(control));
        }
        catch (OperationCanceledException)
        {
            await context.Error.WriteLineAsync("cdt: stopped at once; the journal is consistent: continue with 'cdt resume " + request.ListPath + "'");
            return ExitCodes.Cancelled;
        }
    }

    public static Action<string> Warn(CliContext context) => w => context.Error.WriteLine("cdt: warning: " + w);

    public static int ExitCodeOf(RunResult r) => r.Stop switch
    {
        RunStop.Failure => ExitCodes.RunFailure,
        RunStop.Cancelled => ExitCodes.Cancelled,
        RunStop.Threshold => ExitCodes.Threshold,
        RunStop.Deadline => ExitCodes.Deadline,
        _ => r.Failed > 0 ? ExitCodes.SomeFailed : ExitCodes.Ok,
    };

    private static async Task<int> PrintAsync(CliContext context, ExecuteVerdict verdict)
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
                await context.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{r.Succeeded} succeeded, {r.Failed} failed, {r.NotStarted} not started") + (r.StopMessage is null ? string.Empty : "; stopped: " + r.StopMessage));
                await context.Out.WriteLineAsync("results: " + outcome.ResultsPath);
                await context.Out.WriteLineAsync("summary: " + outcome.SummaryPath);
                await context.Out.WriteLineAsync("report: " + outcome.ReportPath);
                await context.Out.WriteLineAsync("logs: " + outcome.RunFolder);
                return ExitCodeOf(r);
            default:
                throw new InvalidOperationException("unknown verdict " + verdict);
        }
    }
}
