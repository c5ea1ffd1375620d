using System.CommandLine;
using Cdt.Candidates;
using Cdt.Diagnostics;
using Cdt.Formats;
using Cdt.Yaml;
using Cdt.Plans;

namespace Cdt.Cli;

/// <summary><c>cdt plan explain PLAN [--candidates LIST]</c>: the steps and exact commands per kind of target.</summary>
public static class PlanExplainCommand
{
    public static Command Build(CliContext context)
    {
        var plan = new Argument<string>("PLAN") { Description = "The deployment plan (YAML, or CDT XML)" };
        var candidates = new Option<string?>("--candidates") { Description = "Explain for the kinds of targets in this candidates list (default: one example of each kind)" };
        var command = new Command("explain", "Show what a plan would run on each kind of target, cluster choreography included") { plan, candidates };
        command.SetAction(async (parse, ct) =>
        {
            var loaded = PlanLoader.Load(context.Files, context.Resolve(parse.GetValue(plan)!));
            var problems = PlanChecker.Check(context.Files, loaded);
            if (problems.Count > 0)
            {
                throw new CdtInputException(problems);
            }

            var units = parse.GetValue(candidates) is { } list
                ? ExplainUnits.FromCandidates(CandidatesCsvReader.ReadFile(context.Files, context.Resolve(list)))
                : ExplainUnits.Examples;
            // The agent's file name is in cdt.conf, when there is one: explain works without it too.
            var configPath = Settings.ConfigPath(parse.GetValue(CdtApp.ConfigOption), context);
            var agent = loaded.Settings.UpdateCpuse && File.Exists(configPath) ? Config.ConfigLoader.Load(context.Files, configPath).CpuseAgent : null;
            await context.Out.WriteAsync(PlanExplainer.Explain(loaded, units, agent));
            return ExitCodes.Ok;
        });
        return command;
    }
}
