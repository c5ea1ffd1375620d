using System.CommandLine;
using Cdt.Scheduling;

namespace Cdt.Cli;

/// <summary>
/// <c>cdt daemon</c>: stays up and runs every schedule's windows; SIGTERM or Ctrl-C stops it
/// softly (a run in progress finishes its running targets, and resumes on restart within its window).
/// </summary>
public static class DaemonCommand
{
    public static Command Build(CliContext context)
    {
        var command = new Command("daemon", "Stay up and run each schedule's windows (for systemd); logs to stderr");
        command.SetAction(async (parse, ct) =>
        {
            var config = Settings.LoadConfig(parse.GetValue(CdtApp.ConfigOption), context);
            var schedules = SchedulerHost.Select(config, null);
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
            using var signals = RunSignals.For(stop);
            await using var host = new SchedulerHost(context, config, "cdt daemon");
            await new SchedulerDaemon(host.Ports).RunAsync(schedules, stop.Token);
            return ExitCodes.Ok;
        });
        return command;
    }
}
