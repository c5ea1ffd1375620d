using System.CommandLine;
using System.Globalization;
using Cdt.Candidates;

namespace Cdt.Cli;

/// <summary><c>cdt validate LIST</c>: every problem as <c>PATH:LINE: message</c>, exit 2; or the summary.</summary>
public static class ValidateCommand
{
    public static Command Build(CliContext context)
    {
        var list = new Argument<string>("LIST") { Description = "The candidates list to check" };
        var command = new Command("validate", "Check an edited candidates list; change nothing") { list };
        command.SetAction(async (parse, ct) =>
        {
            var config = Settings.LoadConfig(parse.GetValue(CdtApp.ConfigOption), context);
            var path = context.Resolve(parse.GetValue(list)!);
            var result = ListValidation.ValidateFile(context.Files, path, config.Inventory, config.Package);
            return await Report(context, result);
        });
        return command;
    }

    public static async Task<int> Report(CliContext context, ValidationResult result)
    {
        foreach (var w in result.Warnings)
        {
            await context.Error.WriteLineAsync("cdt: warning: " + w);
        }

        if (!result.IsValid)
        {
            foreach (var p in result.Problems)
            {
                await context.Error.WriteLineAsync(Diagnostics.Location.Format(p.Path, p.Line, null, p.Message));
            }

            await context.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{result.Problems.Count} problem(s); {result.Path} was not changed"));
            return ExitCodes.BadInput;
        }

        await context.Out.WriteAsync(ListSummary.Render(result.Rows));
        await context.Out.WriteLineAsync(result.Path + " is valid");
        return ExitCodes.Ok;
    }
}
