using System.CommandLine;
using Cdt.Diagnostics;
using Cdt.Formats;
using Cdt.Yaml;
using Cdt.Scheduling;

namespace Cdt.Cli;

/// <summary>
/// <c>cdt unlock [--schedule NAME]</c>: removes the update lock (all schedules, or one) and
/// records who (the user name from the environment) and when. The warning flag stays.
/// </summary>
public static class UnlockCommand
{
    public static Command Build(CliContext context)
    {
        var schedule = new Option<string?>("--schedule") { Description = "Only this schedule (default: every schedule)" };
        var command = new Command("unlock", "Remove the update lock a failed scheduled run set, once you have checked the fleet") { schedule };
        command.SetAction(async (parse, ct) =>
        {
            var config = Settings.LoadConfig(parse.GetValue(CdtApp.ConfigOption), context);
            var schedules = SchedulerHost.Select(config, parse.GetValue(schedule));
            var user = context.Environment("USER") ?? context.Environment("LOGNAME") ?? "unknown user";
            await using var host = new SchedulerHost(context, config, "cdt unlock");
            var exit = ExitCodes.Ok;
            foreach (var r in await UpdateLocks.UnlockAsync(host.Ports, schedules, user, ct))
            {
                if (r.RefusedBy is { } holder)
                {
                    await context.Error.WriteLineAsync($"cdt: {r.Schedule}: a run is in progress ({holder.Describe()}): nothing changed; try again when it ends");
                    exit = ExitCodes.Locked;
                    continue;
                }

                if (r.Error is { } error)
                {
                    await context.Error.WriteLineAsync($"cdt: {r.Schedule}: {error}");
                    exit = ExitCodes.BadInput;
                    continue;
                }

                await context.Out.WriteLineAsync(r.Removed is { } l
                    ? $"{r.Schedule}: update lock removed by {user} (it was set at {IsoTime.Format(l.SetAt)}: {l.Reason})"
                    : $"{r.Schedule}: no update lock");
                if (r.FlagStillSet is { } flag)
                {
                    await context.Out.WriteLineAsync($"{r.Schedule}: the warning flag stays ({flag.Reason}): only a complete, checksum-verified download clears it");
                }
            }

            return exit;
        });
        return command;
    }
}
