using System.CommandLine;
using Cdt.Candidates;
using Cdt.Config;
using Cdt.Execution;
using Cdt.Execution.Steps;
using Cdt.Simulation;
using Cdt.Transport;

namespace Cdt.Cli;

/// <summary>
/// <c>cdt demo</c>: the whole Basic-mode flow on the embedded sample fleet and package, with
/// nothing to set up: generate a list into a fresh folder, then execute it on the simulated
/// fleet with simulated time running fast (a night in seconds), with live progress.
/// </summary>
public static class DemoCommand
{
    public static Command Build(CliContext context)
    {
        var keep = new Option<string?>("--out") { Description = "Folder for the demo's files (default: a new temporary folder)" };
        var scale = new Option<double?>("--time-scale") { Description = "Simulated seconds per real second (default: cdt.conf.sample's)" };
        var command = new Command("demo", "Run cdt end to end on the built-in simulated fleet (no gateways needed)") { keep, scale };
        command.SetAction(async (parse, ct) =>
        {
            var folder = parse.GetValue(keep) is { } o ? context.Resolve(o) : Directory.CreateTempSubdirectory("cdt-demo-").FullName;
            Directory.CreateDirectory(folder);
            var sample = ConfigLoader.Load(ConfigLoader.EmbeddedSampleName);
            var start = context.Time.GetLocalNow();
            var time = new ScaledTimeProvider(start, parse.GetValue(scale) ?? sample.Simulator.TimeScale, context.Time);
            var package = sample.Package! with { Path = Path.Combine(folder, sample.Package!.FileName) };
            await File.WriteAllTextAsync(package.Path, "simulated CPUSE package for the cdt demo\n", ct);
            var config = sample with
            {
                Source = Path.Combine(folder, "cdt.conf"),
                Package = package,
                Execute = sample.Execute with { LogsDir = Path.Combine(folder, "logs"), Deadline = start.AddHours(12) },
            };

            await context.Error.WriteLineAsync($"cdt demo: sample fleet, package '{package.Name}', simulated time x{time.Scale}; files in {folder}");
            var listPath = Path.Combine(folder, "candidates.csv");
            var request = new GenerateRequest { Config = config, Package = package, Mode = "basic", ListPath = listPath, Force = true };
            var generated = await ListGeneration.RunAsync(request, inv => RemoteShellFactory.Create(config, inv, time), time, ct);
            await context.Out.WriteAsync(await File.ReadAllTextAsync(generated.ListPath, ct));
            await context.Out.WriteLineAsync();
            await GenerateCommand.Report(context.Out, generated);
            await context.Out.WriteLineAsync();

            var execute = new ExecuteRequest { Config = config, ListPath = listPath, Steps = BasicPlan.Build(config), Package = package };
            return await ExecuteCommand.RunAsync(context.WithTime(time), config, execute, ct);
        });
        return command;
    }
}
