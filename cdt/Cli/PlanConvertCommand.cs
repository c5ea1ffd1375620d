using System.CommandLine;
using Cdt.Diagnostics;
using Cdt.Formats;
using Cdt.Yaml;
using Cdt.Plans;

namespace Cdt.Cli;

/// <summary><c>cdt plan convert PLAN.xml</c>: prints the YAML equivalent of a CDT XML plan on stdout.</summary>
public static class PlanConvertCommand
{
    public static Command Build(CliContext context)
    {
        var plan = new Argument<string>("PLAN") { Description = "A CDT XML deployment plan" };
        var command = new Command("convert", "Print the YAML equivalent of a CDT XML deployment plan") { plan };
        command.SetAction(async (parse, ct) =>
        {
            var path = context.Resolve(parse.GetValue(plan)!);
            var loaded = PlanLoader.Load(context.Files, path);
            if (loaded.Format != PlanFormat.CdtXml)
            {
                throw new CdtInputException(path, null, null, "this is already a YAML plan: convert reads CDT XML plans (<CDT_Deployment_Plan>)");
            }

            await context.Out.WriteAsync(PlanYamlWriter.Write(loaded));
            return ExitCodes.Ok;
        });
        return command;
    }
}
