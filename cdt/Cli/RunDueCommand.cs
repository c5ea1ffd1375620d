using System.CommandLine;
using Cdt.Scheduling;

namespace Cdt.Cli;

/// <summary>
/// <c>cdt run-due [--schedule NAME]</c>: one pass over the schedules (for cron or a systemd
/// timer): runs what is due, reports what was missed, says what comes next, and exits with the
/// highest exit code of the schedules' outcomes.
/// </summary>
public static class RunDueCommand
{
    public static Command Build(CliContext context)
    {
        var schedule = new Option<string?>("--schedule") { Description = "Only this schedule" };
        var command = new Command("run-due", "Run what is due now, once, and exit (for cron or a systemd timer)") { schedule };
        command.SetAction(async (parse, ct) =>
        {
            var config = Settings.LoadConfig(parse.GetValue(CdtApp.ConfigOption), context);
            var schedules = SchedulerHost.Select(config, parse.GetValue(schedule));
            await using var host = new SchedulerHost(context, config, "cdt run-due");
            var runner = new ScheduleRunner(host.Ports);
            var passes = await Task.WhenAll(schedules.Select(s => runner.RunDueAsync(s, ct)));
            var exit = ExitCodes.Ok;
            foreach (var (s, pass) in schedules.Zip(passes))
            {
                await context.Out.WriteLineAsync(Describe(s.Name, pass));
                exit = Math.Max(exit, ExitCodeOf(pass));
            }

            return exit;
        });
        return command;
    }

    public static int ExitCodeOf(PassResult pass) => pass switch
    {
        { Error: not null } => ExitCodes.BadInput,
        { IoError: not null } => ExitCodes.IoError,
        { RefusedBy: not null } => ExitCodes.Locked,
        { Outcome: { } o } => ExitCodeOf(o),
        _ => ExitCodes.Ok,
    };

    public static int ExitCodeOf(RunOutcome outcome) => outcome switch
    {
        RunOutcome.SomeFailed or RunOutcome.DownloadFailed or RunOutcome.Interrupted => ExitCodes.SomeFailed,
        RunOutcome.BadInput => ExitCodes.BadInput,
        RunOutcome.StoppedByDeadline => ExitCodes.Deadline,
        RunOutcome.StoppedByThreshold => ExitCodes.Threshold,
        RunOutcome.Cancelled => ExitCodes.Cancelled,
        RunOutcome.AwaitingApproval => ExitCodes.AwaitingApproval,
        RunOutcome.SkippedLocked or RunOutcome.ListBusy => ExitCodes.Locked,
        RunOutcome.Error => ExitCodes.InternalError,
        RunOutcome.IoError => ExitCodes.IoError,
        _ => ExitCodes.Ok,
    };

    private static string Describe(string name, PassResult pass)
    {
        var next = pass.Next is { } n ? $"; next: {n.What} at {WhenText.Both(n.At, n.Zone)}" : string.Empty;
        return pass switch
        {
            { Error: { } e } => $"{name}: not run: {e}",
            { IoError: { } e } => $"{name}: not run: {e}",
            { RefusedBy: { } h } => $"{name}: due work waits: {h.Describe()} holds the schedule's run lock{next}",
            { Outcome: { } o } => $"{name}: install window {o.Words()}{next}",
            _ => $"{name}: nothing due{next}",
        };
    }
}
