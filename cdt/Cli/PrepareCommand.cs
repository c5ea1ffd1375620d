using System.CommandLine;
using Cdt.Execution;
using Cdt.Plans.Preparation;

namespace Cdt.Cli;

/// <summary>
/// <c>cdt prepare LIST [--plan PLAN] [--extended]</c> (CDT: <c>-preparations LIST</c>,
/// <c>-extended_preparations LIST</c>): send the packages and run the pre-installation scripts ahead
/// of the window; <c>--extended</c> also imports and verifies. Recorded in <c>LIST.prepared.json</c>.
/// </summary>
public static class PrepareCommand
{
    public static Command Build(CliContext context)
    {
        var list = new Argument<string>("LIST") { Description = "The candidates list" };
        var plan = new Option<string?>("--plan", "--deploymentplan") { Description = "Deployment plan (Advanced mode)" };
        var extended = new Option<bool>("--extended") { Description = "Also import and verify the packages (CDT's extended preparations)" };
        var command = new Command("prepare", "Send packages and run pre-installation scripts ahead of the maintenance window") { list, plan, extended };
        command.SetAction(async (parse, ct) =>
        {
            var config = Settings.LoadConfig(parse.GetValue(CdtApp.ConfigOption), context);
            var advanced = Settings.ResolvePlan(context.Files, config, parse.GetValue(plan) is { } p ? context.Resolve(p) : null);
            var listPath = context.Resolve(parse.GetValue(list)!);
            var job = PrepareJob.Create(context.Files, config, advanced, listPath, parse.GetValue(extended), Plans.RunSetup.LogConfigFor(config), ExecuteCommand.Warn(context));
            var workflow = new Scheduling.ExecuteWorkflow(LocalPorts.Workflow(context, job.Config, job.Choreographies, [job.Recorder]));
            var exit = await ExecuteCommand.RunAsync(context, job.Request, control => workflow.RunOnAsync(job.Request, context.Time, control, ExecuteCommand.Warn(context)), ct);
            await context.Out.WriteLineAsync("prepared: " + PreparationRecord.PathFor(listPath));
            return exit;
        });
        return command;
    }
}
