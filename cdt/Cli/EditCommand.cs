using System.CommandLine;
using Cdt.Candidates;
using Cdt.Diagnostics;
using Cdt.Formats;
using Cdt.Yaml;

namespace Cdt.Cli;

/// <summary>
/// <c>cdt edit LIST</c>, the way visudo and crontab -e work: edit a copy, validate it, and only a
/// valid list ever replaces the original (atomically). <c>--set NAME=BATCH</c> and
/// <c>--exclude NAME</c> do the same without an editor.
/// </summary>
public static class EditCommand
{
    public static Command Build(CliContext context)
    {
        var list = new Argument<string>("LIST") { Description = "The candidates list to edit" };
        var set = new Option<string[]>("--set") { Description = "NAME=BATCH: put an object, or every member of a cluster, in a batch", AllowMultipleArgumentsPerToken = false };
        var exclude = new Option<string[]>("--exclude") { Description = "NAME: exclude an object, or every member of a cluster ('-')" };
        var command = new Command("edit", "Edit the Upgrade Order column safely (opens $VISUAL or $EDITOR)") { list, set, exclude };
        command.SetAction(async (parse, ct) =>
        {
            var config = Settings.LoadConfig(parse.GetValue(CdtApp.ConfigOption), context);
            var path = context.Resolve(parse.GetValue(list)!);
            if (!context.Files.FileExists(path))
            {
                throw new CdtInputException(path, null, null, "candidates list not found");
            }

            Locking.ListLock.RefuseIfHeld(context.Files, path, context.Processes, context.Time);

            var changes = ParseChanges(parse.GetValue(set) ?? [], parse.GetValue(exclude) ?? []);
            if (changes.Count == 0 && !context.IsInteractive)
            {
                await context.Error.WriteLineAsync("cdt: edit needs a terminal to open an editor; without one, use --set NAME=BATCH or --exclude NAME");
                return ExitCodes.BadInput;
            }

            var session = new ListEditSession(context.Files, path, config.Inventory);
            return await PrintAsync(context, path, changes.Count > 0 ? session.Apply(changes) : await session.EditAsync(new EditorTerminal(context), ct));
        });
        return command;
    }

    private static List<ListEditor.Change> ParseChanges(string[] sets, string[] excludes)
    {
        var changes = new List<ListEditor.Change>();
        foreach (var s in sets)
        {
            var eq = s.LastIndexOf('=');
            var order = eq > 0 ? UpgradeOrder.Parse(s[(eq + 1)..].Trim()) : null;
            if (order is not (UpgradeOrder.BatchOrder or UpgradeOrder.ExcludedOrder))
            {
                throw new CdtInputException($"cdt: --set {s}: write NAME=BATCH with a batch number from 1, or NAME=- to exclude");
            }

            changes.Add(new ListEditor.Change(s[..eq].Trim(), order));
        }

        changes.AddRange(excludes.Select(e => new ListEditor.Change(e.Trim(), UpgradeOrder.Excluded)));
        return changes;
    }

    private static async Task<int> PrintAsync(CliContext context, string path, ListEditOutcome outcome)
    {
        switch (outcome)
        {
            case ListEditOutcome.Updated { Result: var result }:
                foreach (var w in result.Warnings)
                {
                    await context.Error.WriteLineAsync("cdt: warning: " + w);
                }

                await context.Out.WriteAsync(ListSummary.Render(result.Rows));
                await context.Out.WriteLineAsync(path + " updated");
                return ExitCodes.Ok;
            case ListEditOutcome.Unchanged:
                await context.Error.WriteLineAsync($"cdt: no changes; {path} was not changed");
                return ExitCodes.Ok;
            case ListEditOutcome.Invalid { Result: var result }:
                return await ValidateCommand.Report(context, result);
            case ListEditOutcome.UnknownNames { Errors: var errors }:
                foreach (var e in errors)
                {
                    await context.Error.WriteLineAsync("cdt: " + e);
                }

                await context.Error.WriteLineAsync($"{path} was not changed");
                return ExitCodes.BadInput;
            case ListEditOutcome.NotWritten { Reason: var reason }:
                await context.Error.WriteLineAsync("cdt: " + reason);
                return ExitCodes.BadInput;
            default:
                throw new InvalidOperationException("unknown outcome " + outcome);
        }
    }
}
