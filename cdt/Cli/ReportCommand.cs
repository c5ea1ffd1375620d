using System.CommandLine;
using Cdt.Diagnostics;
using Cdt.Execution;
using Cdt.Reporting.Html;

namespace Cdt.Cli;

/// <summary>
/// <c>cdt report RUN_FOLDER</c>: writes the run folder's report.html again from its journal, for
/// any past run, also one that was killed (a journal without run_finished).
/// </summary>
public static class ReportCommand
{
    public static Command Build(CliContext context)
    {
        var folder = new Argument<string>("RUN_FOLDER") { Description = "A run folder (logs/<execution time>) holding journal.jsonl" };
        var command = new Command("report", "Write a run folder's report.html again from its journal") { folder };
        command.SetAction(async (parse, ct) =>
        {
            var run = context.Resolve(parse.GetValue(folder)!);
            if (!context.Files.FileExists(Path.Combine(run, ExecutionService.JournalName)))
            {
                throw new CdtInputException($"cdt: {run}: no {ExecutionService.JournalName} here: give a run folder such as logs/2026-11-22_01-00-00");
            }

            await context.Out.WriteLineAsync("report: " + HtmlReport.Write(context.Files, run, roster: null));
            return ExitCodes.Ok;
        });
        return command;
    }
}
