using System.CommandLine;

namespace Cdt.Cli;

/// <summary><c>cdt plan check|explain|convert</c>: deployment plans (Advanced mode).</summary>
public static class PlanCommand
{
    public static Command Build(CliContext context) =>
        new("plan", "Check, explain and convert deployment plans (Advanced mode)")
        {
            PlanCheckCommand.Build(context),
            PlanExplainCommand.Build(context),
            PlanConvertCommand.Build(context),
        };
}
