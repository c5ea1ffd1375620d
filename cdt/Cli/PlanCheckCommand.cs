using System.CommandLine;
using System.Globalization;
using Cdt.Diagnostics;
using Cdt.Formats;
using Cdt.Yaml;
using Cdt.Plans;

namespace Cdt.Cli;

/// <summary><c>cdt plan check PLAN</c>: every problem as <c>PATH:LINE:COL: message</c> and exit 2, or one line saying it is fine.</summary>
public static class PlanCheckCommand
{
    public static Command Build(CliContext context)
    {
        var plan = new Argument<string>("PLAN") { Description = "The deployment plan (YAML, or CDT XML)" };
        var command = new Command("check", "Report every problem of a deployment plan; change nothing") { plan };
        command.SetAction(async (parse, ct) =>
        {
            var path = context.Resolve(parse.GetValue(plan)!);
            var problems = new List<Diagnostic>();
            var read = PlanLoader.Read(context.Files, path, problems);
            if (read is not null)
            {
                problems.AddRange(PlanChecker.Check(context.Files, read));
            }

            if (read is null || problems.Count > 0)
            {
                foreach (var p in problems.OrderBy(p => p.Line).ThenBy(p => p.Column))
                {
                    await context.Error.WriteLineAsync(p.ToString());
                }

                await context.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{problems.Count} problem(s) in {path}"));
                return ExitCodes.BadInput;
            }

            if (read.FirstPackageAction is null)
            {
                await context.Error.WriteLineAsync("cdt: warning: the plan has no package action: generate needs one to decide eligibility; execute can run it on a list generated with another plan");
            }

            var first = read.FirstPackageAction is { } f ? $"; first package {f.File.FileName} for {string.Join(", ", f.ToSpec().Versions)}" : string.Empty;
            await context.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{path}: OK ({read.Actions.Count} action(s){first})"));
            return ExitCodes.Ok;
        });
        return command;
    }
}
