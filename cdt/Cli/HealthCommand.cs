using System.CommandLine;
using Cdt.Execution.Health;

namespace Cdt.Cli;

/// <summary>
/// <c>cdt health LIST</c>: a health snapshot of every target of the list, now, with read-only
/// commands; installs nothing. One line per target on stdout, then the folder of the snapshots;
/// exit 1 when a target did not answer.
/// </summary>
public static class HealthCommand
{
    public static Command Build(CliContext context)
    {
        var list = new Argument<string>("LIST") { Description = "The candidates list whose targets to read" };
        var command = new Command("health", "Take a health snapshot of the list's targets now (cluster, policy, routes, interfaces, processes, licences); install nothing") { list };
        command.SetAction(async (parse, ct) =>
        {
            var config = Settings.LoadConfig(parse.GetValue(CdtApp.ConfigOption), context);
            var path = context.Resolve(parse.GetValue(list)!);
            var (folder, entries) = await HealthSurvey.RunAsync(context.Files, config, path, inv => RemoteShellFactory.Create(config, inv, context.Time, context.Environment), context.Time, ct);
            var width = entries.Count == 0 ? 0 : entries.Max(e => e.Target.Length);
            foreach (var e in entries)
            {
                await context.Out.WriteLineAsync(e.Target.PadRight(width) + "  " + (e.Snapshot is { } s ? HealthText.Summary(s) : "no answer: " + e.Error));
            }

            await context.Out.WriteLineAsync("snapshots: " + folder);
            return entries.Any(e => e.Snapshot is null) ? ExitCodes.SomeFailed : ExitCodes.Ok;
        });
        return command;
    }
}
