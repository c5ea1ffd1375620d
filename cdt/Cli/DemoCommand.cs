using System.CommandLine;
using Cdt.Candidates;
using Cdt.Config;
using Cdt.Transport;

namespace Cdt.Cli;

/// <summary>
/// <c>cdt demo</c>: runs on the embedded sample fleet and package with nothing to set up:
/// generates a list into a temporary folder and prints it with its summary.
/// </summary>
public static class DemoCommand
{
    public static Command Build(CliContext context)
    {
        var keep = new Option<string?>("--out") { Description = "Folder for the demo's files (default: a new temporary folder)" };
        var command = new Command("demo", "Run cdt on the built-in simulated fleet (no gateways needed)") { keep };
        command.SetAction(async (parse, ct) =>
        {
            var folder = parse.GetValue(keep) is { } o ? context.Resolve(o) : Directory.CreateTempSubdirectory("cdt-demo-").FullName;
            Directory.CreateDirectory(folder);
            var config = ConfigLoader.Load(ConfigLoader.EmbeddedSampleName);
            var package = config.Package! with { Path = Path.Combine(folder, config.Package!.FileName) };
            var listPath = Path.Combine(folder, "candidates.csv");
            await context.Error.WriteLineAsync($"cdt demo: sample fleet ({config.Inventory}), package {package.Name}; files in {folder}");
            var request = new GenerateRequest { Config = config, Package = package, Mode = "basic", ListPath = listPath, Force = true };
            var outcome = await ListGeneration.RunAsync(request, inv => RemoteShellFactory.Create(config, inv, context.Time), context.Time, ct);
            await context.Out.WriteAsync(await File.ReadAllTextAsync(outcome.ListPath, ct));
            await context.Out.WriteLineAsync();
            await GenerateCommand.Report(context.Out, outcome);
            return ExitCodes.Ok;
        });
        return command;
    }
}
