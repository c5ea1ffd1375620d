using System.CommandLine;
using Cdt.Locking;
using Cdt.Scheduling;

namespace Cdt.Cli;

/// <summary><c>cdt status [--schedule NAME]</c>: every schedule's next windows, last run, lock, flag; reads only.</summary>
public static class StatusCommand
{
    public static Command Build(CliContext context)
    {
        var schedule = new Option<string?>("--schedule") { Description = "Only this schedule" };
        var command = new Command("status", "Show each schedule: next windows, last run and outcome, update lock, warning flag") { schedule };
        command.SetAction(async (parse, ct) =>
        {
            var config = Settings.LoadConfig(parse.GetValue(CdtApp.ConfigOption), context);
            var schedules = SchedulerHost.Select(config, parse.GetValue(schedule));
            var folder = context.Resolve(config.StateDir);
            var store = new ScheduleStateStore(context.Files, folder);
            var processes = context.Processes;
            var rows = schedules.Select(s =>
            {
                var lockFile = new RunLockFile(context.Files, folder, s.Name, processes, context.Time);
                var holder = lockFile.ReadHolder();
                return (s, store.Read(s.Name), holder, holder is not null && lockFile.IsLive(holder));
            }).ToList();
            await context.Out.WriteAsync(ScheduleStatusText.Render(rows, context.Time.GetUtcNow()));
            return ExitCodes.Ok;
        });
        return command;
    }
}
