using System.CommandLine;
using System.Globalization;
using System.Runtime.InteropServices;
using Cdt.Execution;
using Cdt.Execution.Choreography;
using Cdt.Execution.Steps;
using Cdt.Diagnostics;
using Cdt.Formats;
using Cdt.Yaml;
using Cdt.Plans.Preparation;
using Cdt.Plans.Steps;
using Cdt.Reporting;
using Cdt.Transport;

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
            var (setup, choreographies) = Plans.RunSetup.For(context.Files, config, advanced, planPath, listPath, mail, w => context.Error.WriteLine("cdt: warning: " + w));
            var request = setup with
            {
                Deadline = deadlineValue,
                Resume = resume || parse.GetValue(resumeOption),
                ResumeFolder = parse.GetValue(run) is { } r ? context.Resolve(r) : null,
                RetryFailed = parse.GetValue(retry),
                Uninstall = removing,
                Steps = removing ? BasicPlan.Build(config, uninstall: true) : setup.Steps,
            };

            if (parse.GetValue(dryRun))
            {
                var (runPlan, _) = new ExecutionService(LocalPorts.Execution(context, config)).Prepare(request, w => context.Error.WriteLine("cdt: warning: " + w));
                var settings = config.Execute with { Deadline = deadlineValue ?? config.Execute.Deadline };
                var estimator = new DurationEstimator(DurationEstimator.FromJournals(context.Files, settings.LogsDir), settings.Estimate, settings.FailoverTimeout);
                await context.Out.WriteAsync(DryRun.Render(runPlan, settings, estimator, context.Time.GetLocalNow(), config.SecurityGroups.Groups));
                return ExitCodes.Ok;
            }

            if (!parse.GetValue(ignoreLock) && Scheduling.UpdateLocks.ManualRunRefusals(context.Files, context.Resolve(config.StateDir), config.Schedules) is { Count: > 0 } refusals)
            {
                foreach (var refusal in refusals)
                {
                    await context.Error.WriteLineAsync("cdt: " + refusal);
                }

                return ExitCodes.Locked;
            }

            // The simulated fleet lives on simulated time: a night's run takes seconds.
            var runContext = config.Transport == Config.TransportKind.Simulator
                ? context.WithTime(new Simulation.ScaledTimeProvider(context.Time.GetLocalNow(), config.Simulator.TimeScale, context.Time))
                : context;
            return await RunAsync(runContext, config, request, ct, choreographies);
        });
        return command;
    }

    /// <summary>config/NLog.config next to cdt.conf.</summary>
    public static async Task<int> RunAsync(CliContext context, Config.CdtConfig config, ExecuteRequest request, CancellationToken ct,
        ChoreographyRegistry? choreographies = null, IReadOnlyList<IRunObserver>? observers = null)
    {
        using var control = new RunControl();
        var presses = 0;
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            if (Interlocked.Increment(ref presses) == 1)
            {
                control.RequestStop();
                context.Error.WriteLine("cdt: stopping: nothing new starts, running targets finish; press Ctrl-C again to stop now");
            }
            else
            {
                control.Abort();
            }
        };
        Console.CancelKeyPress += onCancel;
        // A dropped terminal must not kill the run: the real CDT's biggest complaint.
        using var hangup = PosixSignalRegistration.Create(PosixSignal.SIGHUP, s => s.Cancel = true);
        using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, s =>
        {
            s.Cancel = true;
            control.RequestStop();
        });
        using var link = ct.Register(control.Abort);
        try
        {
            IRunObserver progress = context.IsInteractive
                ? new LiveProgress(context.Error, context.Time)
                : new PlainProgress(context.Error);
            var service = new ExecutionService(LocalPorts.Execution(context, config, choreographies));
            var outcome = await service.RunAsync(request, control, [new QuietOnBrokenTerminal(progress), .. observers ?? []], w => context.Error.WriteLine("cdt: warning: " + w));
            var exit = ExitCodeOf(outcome.Result);
            var r = outcome.Result;
            await context.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{r.Succeeded} succeeded, {r.Failed} failed, {r.NotStarted} not started") + (r.StopMessage is null ? string.Empty : "; stopped: " + r.StopMessage));
            await context.Out.WriteLineAsync("results: " + outcome.ResultsPath);
            await context.Out.WriteLineAsync("summary: " + outcome.SummaryPath);
            await context.Out.WriteLineAsync("report: " + outcome.ReportPath);
            await context.Out.WriteLineAsync("logs: " + outcome.RunFolder);
            return exit;
        }
        catch (LockHeldException e)
        {
            await context.Error.WriteLineAsync("cdt: " + e.Message);
            return ExitCodes.Locked;
        }
        catch (OperationCanceledException)
        {
            await context.Error.WriteLineAsync("cdt: stopped at once; the journal is consistent: continue with 'cdt resume " + request.ListPath + "'");
            return ExitCodes.Cancelled;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    public static int ExitCodeOf(RunResult r) => r.Stop switch
    {
        RunStop.Failure => ExitCodes.RunFailure,
        RunStop.Cancelled => ExitCodes.Cancelled,
        RunStop.Threshold => ExitCodes.Threshold,
        RunStop.Deadline => ExitCodes.Deadline,
        _ => r.Failed > 0 ? ExitCodes.SomeFailed : ExitCodes.Ok,
    };

    /// <summary>Stops writing progress once the terminal is gone, instead of failing the run.</summary>
    private sealed class QuietOnBrokenTerminal(IRunObserver inner) : IRunObserver
    {
        private bool _broken;

        public void OnEvent(RunEvent e, RunState state)
        {
            if (_broken)
            {
                return;
            }

            try
            {
                inner.OnEvent(e, state);
            }
            catch (IOException)
            {
                _broken = true;
            }
        }

        public void OnDetail(string? target, string text)
        {
        }
    }
}
