using System.CommandLine;
using System.Globalization;
using Cdt.Candidates;
using Cdt.Fleet;
using Cdt.Reporting;

namespace Cdt.Cli;

/// <summary><c>cdt groups LIST</c>: the logical groups (or chassis) of every Security Group in a list, and their order.</summary>
public static class GroupsCommand
{
    public static Command Build(CliContext context)
    {
        var list = new Argument<string>("LIST") { Description = "The candidates list" };
        var command = new Command("groups", "Show how each Security Group in a list is split into logical groups, and the order cdt installs them in") { list };
        command.SetAction(async (parse, ct) =>
        {
            var config = Settings.LoadConfig(parse.GetValue(CdtApp.ConfigOption), context);
            var path = context.Resolve(parse.GetValue(list)!);
            var result = ListValidation.ValidateFile(context.Files, path, config.Inventory);
            if (!result.IsValid)
            {
                foreach (var p in result.Problems)
                {
                    await context.Error.WriteLineAsync(Diagnostics.Location.Format(p.Path, p.Line, null, p.Message));
                }

                await context.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{result.Problems.Count} problem(s) in {path}: fix them first ('cdt validate' shows the same)"));
                return ExitCodes.BadInput;
            }

            var inventory = InventoryLoader.LoadFile(context.Files, config.Inventory);
            await context.Out.WriteAsync(LogicalGroupsReport.Render(result.Rows, inventory, config.SecurityGroups.Groups));
            return ExitCodes.Ok;
        });
        return command;
    }
}
