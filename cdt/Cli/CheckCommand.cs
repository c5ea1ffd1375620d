using System.CommandLine;
using Cdt.Diagnostics;
using Cdt.Formats;
using Cdt.Yaml;
using Cdt.Scheduling;

namespace Cdt.Cli;

/// <summary>
/// <c>cdt check [--schedule NAME]</c>: a Nagios plugin. Exactly one line on stdout and exit
/// 0/1/2/3 (OK/WARNING/CRITICAL/UNKNOWN); a config it cannot read is UNKNOWN, never exit 2,
/// which Nagios would take for CRITICAL.
/// </summary>
public static class CheckCommand
{
    public static Command Build(CliContext context)
    {
        var schedule = new Option<string?>("--schedule") { Description = "Only this schedule" };
        var command = new Command("check", "Monitoring plugin (Nagios): one line, exit 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN") { schedule };
        command.SetAction(async (parse, ct) =>
        {
            CheckReport report;
            try
            {
                var config = Settings.LoadConfig(parse.GetValue(CdtApp.ConfigOption), context);
                var schedules = SchedulerHost.Select(config, parse.GetValue(schedule));
                var store = new ScheduleStateStore(context.Files, context.Resolve(config.StateDir));
                report = MonitoringCheck.Evaluate([.. schedules.Select(s => (s, store.Read(s.Name)))], context.Time.GetUtcNow());
            }
            catch (CdtInputException e)
            {
                report = MonitoringCheck.Unknown(e.ToDisplayLine());
            }

            await context.Out.WriteLineAsync(report.Line);
            return report.ExitCode;
        });
        return command;
    }
}
