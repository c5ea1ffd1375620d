using System.CommandLine;
using Cdt.Candidates;
using Cdt.Transport;

namespace Cdt.Cli;

/// <summary><c>cdt generate --candidates LIST [--plan PLAN] [--uninstall] [--filter FILE] [--force]</c>.</summary>
public static class GenerateCommand
{
    public static Command Build(CliContext context)
    {
        var candidates = new Option<string>("--candidates") { Description = "Path of the candidates list to write", Required = true };
        var plan = new Option<string?>("--plan", "--deploymentplan") { Description = "Deployment plan (Advanced mode): its first package decides eligibility" };
        var filter = new Option<string?>("--filter") { Description = "File of object names (one per line) to leave out" };
        var force = new Option<bool>("--force") { Description = "Replace an existing list" };
        var uninstall = new Option<bool>("--uninstall") { Description = "A list for removing the package of cdt.conf: batches for the gateways that have it (run it with execute --uninstall)" };
        var noProbe = new Option<bool>("--no-probe") { Description = "Trust the inventory; do not ask the gateways" };
        var dialect = new Option<string>("--dialect") { Description = "plain (CSV) or cdt (CDT's padded layout with its preamble line)", DefaultValueFactory = _ => "plain" };
        dialect.AcceptOnlyFromAmong("plain", "cdt");
        var server = new Option<string?>("--server") { Description = "Accepted for CDT compatibility; cdt reads the inventory file instead", Hidden = true };

        var command = new Command("generate", "Generate the Installation Candidates List") { candidates, plan, uninstall, filter, force, noProbe, dialect, server };
        command.SetAction(async (parse, ct) =>
        {
            var config = Settings.LoadConfig(parse.GetValue(CdtApp.ConfigOption), context);
            var planPath = parse.GetValue(plan) is { } p ? context.Resolve(p) : null;
            var (package, mode, removing) = Settings.ResolvePackage(context.Files, config, planPath, parse.GetValue(uninstall));
            if (config.Management is { } management)
            {
                var read = await Fleet.Management.ManagementInventory.ReadAsync(LocalPorts.Management(context, management), management, context.Time, ct);
                read.Write(context.Files, config.Inventory, overwrite: true);
                await context.Error.WriteLineAsync($"cdt: note: inventory read from {management.Name} ({read.Fleet.Gateways.Count} gateways), kept in {config.Inventory} for validate and execute");
            }
            else if (parse.GetValue(server) is { } s)
            {
                await context.Error.WriteLineAsync($"cdt: note: -server={s} ignored: cdt reads gateways from the inventory file {config.Inventory}");
            }

            var request = new GenerateRequest
            {
                Config = config,
                Package = package,
                Mode = mode,
                Uninstall = removing,
                ListPath = context.Resolve(parse.GetValue(candidates)!),
                FilterPath = parse.GetValue(filter) is { } f ? context.Resolve(f) : null,
                Force = parse.GetValue(force),
                Probe = config.Generate.Probe && !parse.GetValue(noProbe),
                Dialect = parse.GetValue(dialect) == "cdt" ? CsvDialect.Padded : CsvDialect.Plain,
            };
            Locking.ListLock.RefuseIfHeld(context.Files, request.ListPath, context.Processes, context.Time);
            var outcome = await ListGeneration.RunAsync(request, context.Files, inv => RemoteShellFactory.Create(config, inv, context.Time, context.Environment), context.Time, ct);
            foreach (var note in outcome.List.Notes)
            {
                await context.Error.WriteLineAsync("cdt: note: " + note);
            }

            await Report(context.Out, outcome);
            return ExitCodes.Ok;
        });
        return command;
    }

    public static async Task Report(TextWriter output, GenerateOutcome outcome)
    {
        await output.WriteAsync(ListSummary.Render(outcome.List.Rows, outcome.Uninstall));
        var na = outcome.List.Rows.Where(r => r.Reason is not null).ToList();
        if (na.Count > 0)
        {
            await output.WriteLineAsync("Why rows are N/A (also in " + outcome.ReasonsPath + "):");
            foreach (var r in na)
            {
                await output.WriteLineAsync($"  {r.ObjectName}: {r.Reason}");
            }
        }

        await output.WriteLineAsync("The generated candidates list is: " + outcome.ListPath);
    }
}
