using System.CommandLine;
using Cdt.Scheduling;
using Cdt.Candidates;
using Cdt.Config;
using Cdt.Diagnostics;
using Cdt.Execution;
using Cdt.Simulation;
using Cdt.Storage;
using Cdt.Transport;

namespace Cdt.Cli;

/// <summary>
/// <c>cdt demo</c>: the whole Basic-mode flow on the embedded sample fleet and package, with
/// nothing to set up: generate a list into a fresh folder, then execute it on the simulated
/// fleet with simulated time running fast (a night in seconds), with live progress. The run
/// stops at one approval gate after batch 1, which the demo prints and then approves itself.
/// </summary>
public static class DemoCommand
{
    /// <summary>The demo's approval gate: after the canary batch, where a real operator would look before going on.</summary>
    public const int DemoGate = 1;

    public const string SelfApproval = "the demo approves itself";

    public static Command Build(CliContext context)
    {
        var keep = new Option<string?>("--out") { Description = "Folder for the demo's files (default: a new temporary folder)" };
        var scale = new Option<double?>("--time-scale") { Description = "Simulated seconds per real second (default: cdt.conf.sample's)" };
        var planOption = new Option<string?>("--plan", "--deploymentplan") { Description = "Run this deployment plan (Advanced mode) instead of the sample package" };
        var command = new Command("demo", "Run cdt end to end on the built-in simulated fleet (no gateways needed)") { keep, scale, planOption };
        command.SetAction(async (parse, ct) =>
        {
            var folder = parse.GetValue(keep) is { } o ? context.Resolve(o) : Directory.CreateTempSubdirectory("cdt-demo-").FullName;
            if (Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any())
            {
                // The demo writes candidates.csv, a package file and logs: never over someone's own.
                throw new CdtInputException($"--out {folder}: the folder is not empty; give a new or empty folder for the demo's files");
            }

            context.Files.CreateFolder(folder);
            var sample = ConfigLoader.Load(context.Files, ConfigLoader.EmbeddedSampleName);
            var start = context.Time.GetLocalNow();
            var timeScale = parse.GetValue(scale) ?? sample.Simulator.TimeScale;
            if (!SimulatorSettings.IsTimeScale(timeScale))
            {
                throw new CdtInputException($"--time-scale must be {SimulatorSettings.TimeScaleRule}, not {timeScale.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
            }

            var time = new ScaledTimeProvider(start, timeScale, context.Time);
            var package = sample.Package! with { Path = Path.Combine(folder, sample.Package!.FileName) };
            context.Files.WriteAllTextAtomic(package.Path, "simulated CPUSE package for the cdt demo\n");
            var plan = parse.GetValue(planOption) is { } p ? Settings.ResolvePlan(context.Files, sample with { Package = null }, context.Resolve(p)) : null;
            var config = sample with
            {
                Source = Path.Combine(folder, "cdt.conf"),
                Package = plan is null ? package : null,
                // A plan does more than the sample package on every gateway: give it the whole day.
                // The sample fleet's Clish gateway fails a plan's Expert-mode actions: a newcomer should
                // still see every batch, so the demo of a plan goes on after a failed batch.
                // One approval gate, so a newcomer sees a run wait for 'cdt approve' (the demo approves itself).
                Execute = sample.Execute with { ApproveAfter = [DemoGate], LogsDir = Path.Combine(folder, "logs"), Deadline = start.AddHours(plan is null ? 12 : 24), ContinueAfterFailedBatch = plan is not null || sample.Execute.ContinueAfterFailedBatch },
            };

            // A plan's first package to install decides eligibility; for a plan that only uninstalls, its first uninstall does.
            var removes = false;
            if (plan is { FirstPackageAction: not null } or { FirstUninstallAction: not null })
            {
                (package, removes) = plan.RequireListPackage();
            }

            await context.Error.WriteLineAsync(plan is null
                ? $"cdt demo: sample fleet, package '{package.Name}', simulated time x{time.Scale}; files in {folder}"
                : $"cdt demo: sample fleet, plan {plan.Path}, simulated time x{time.Scale}; files in {folder}\n"
                  + "cdt demo: one gateway of the sample fleet logs in to Clish, so a plan's Expert-mode actions fail there; the demo goes on after a failed batch to show the whole run (a real run stops, unless continue_after_failed_batch: true)");
            await context.Error.WriteLineAsync(config.Health.Enabled
                ? "cdt demo: health checks on: a snapshot before each install and after its confirm (cluster, policy, routes, interfaces, processes, licences), compared; findings go to the journal and report.html (docs/health.md)"
                : "cdt demo: health checks off (health: off)");
            var listPath = Path.Combine(folder, "candidates.csv");
            var request = new GenerateRequest { Config = config, Package = package, Mode = plan is null ? "basic" : "advanced", ListPath = listPath, Force = true, Uninstall = removes };
            var generated = await ListGeneration.RunAsync(request, context.Files, inv => RemoteShellFactory.Create(config, inv, time, context.Environment), time, ct);
            await context.Out.WriteAsync(context.Files.ReadAllText(generated.ListPath));
            await context.Out.WriteLineAsync();
            await GenerateCommand.Report(context.Out, generated);
            await context.Out.WriteLineAsync();

            var (execute, choreographies) = Plans.RunSetup.For(context.Files, config, plan, plan?.Path, listPath, mail: null, ExecuteCommand.Warn(context));
            var workflow = new ExecuteWorkflow(LocalPorts.Workflow(context, config, choreographies));
            var paused = await ExecuteCommand.RunAsync(context, execute, control => workflow.RunOnAsync(execute, time, control, ExecuteCommand.Warn(context)), ct);
            if (paused != ExitCodes.AwaitingApproval)
            {
                return paused;
            }

            await context.Out.WriteLineAsync();
            await context.Out.WriteLineAsync($"cdt demo: gate: the run waits for approval after batch {DemoGate} (exit code {ExitCodes.AwaitingApproval}); a person checks batch {DemoGate}, then runs: cdt approve {listPath} --note TEXT");
            await context.Out.WriteLineAsync($"cdt demo: the demo approves itself: cdt approve {listPath} --note \"{SelfApproval}\"");
            await context.Out.WriteLineAsync();
            var approve = execute with { Resume = true, Approval = Approval.Of(ExecuteCommand.UserName(context), SelfApproval) };
            return await ExecuteCommand.RunAsync(context, approve, control => workflow.RunOnAsync(approve, time, control, ExecuteCommand.Warn(context)), ct);
        });
        return command;
    }
}
