using System.CommandLine;
using Cdt.Diagnostics;
using Cdt.Formats;
using Cdt.Storage;
using Cdt.Yaml;

namespace Cdt.Cli;

/// <summary>Builds the command tree and turns every outcome into an exit code.</summary>
public static class CdtApp
{
    // One option per command tree: System.CommandLine records each symbol's parents, so a shared
    // instance would be mutated by every tree built (tests build many, in parallel).
    private static readonly AsyncLocal<Option<string?>> CurrentConfigOption = new();

    /// <summary>The --config option of the command tree this call runs in.</summary>
    public static Option<string?> ConfigOption => CurrentConfigOption.Value ?? throw new InvalidOperationException("no command tree is running");

    public static async Task<int> RunAsync(string[] args, CliContext context, CancellationToken ct = default)
    {
        var translated = CdtStyleArgs.Translate(args);
        var root = new RootCommand("cdt: CDT-compatible batch deployment of Check Point hotfixes and upgrades to gateways and clusters");
        CurrentConfigOption.Value = new Option<string?>("--config", "-c")
        {
            Description = "Path of cdt.conf (default: $CDT_CONFIG, else ./cdt.conf)",
            Recursive = true,
        };
        root.Options.Add(ConfigOption);
        root.Subcommands.Add(GenerateCommand.Build(context));
        root.Subcommands.Add(ValidateCommand.Build(context));
        root.Subcommands.Add(EditCommand.Build(context));
        root.Subcommands.Add(DemoCommand.Build(context));
        root.Subcommands.Add(ExecuteCommand.Build(context));
        root.Subcommands.Add(ExecuteCommand.BuildResume(context));
        root.Subcommands.Add(ExecuteCommand.BuildApprove(context));
        root.Subcommands.Add(GroupsCommand.Build(context));
        root.Subcommands.Add(PlanCommand.Build(context));
        root.Subcommands.Add(PrepareCommand.Build(context));
        root.Subcommands.Add(DaemonCommand.Build(context));
        root.Subcommands.Add(RunDueCommand.Build(context));
        root.Subcommands.Add(UnlockCommand.Build(context));
        root.Subcommands.Add(StatusCommand.Build(context));
        root.Subcommands.Add(ReportCommand.Build(context));
        root.Subcommands.Add(CheckCommand.Build(context));
        root.Subcommands.Add(HealthCommand.Build(context));
        root.Subcommands.Add(InventoryCommand.Build(context));

        // No POSIX bundling: CDT's "-candidates" must never be read as "-c andidates" (--config).
        var parse = root.Parse(translated, new ParserConfiguration { EnablePosixBundling = false });
        if (parse.Errors.Count > 0)
        {
            foreach (var e in parse.Errors)
            {
                await context.Error.WriteLineAsync("cdt: " + e.Message);
            }

            await context.Error.WriteLineAsync("Run 'cdt --help' for usage.");
            return ExitCodes.BadInput;
        }

        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { Output = context.Out, Error = context.Error, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null }, ct);
        }
        catch (CdtInputException e)
        {
            foreach (var line in e.ToDisplayLines())
            {
                await context.Error.WriteLineAsync(line);
            }

            return ExitCodes.BadInput;
        }
        catch (LockHeldException e)
        {
            await context.Error.WriteLineAsync("cdt: " + e.Message);
            return ExitCodes.Locked;
        }
        catch (Gaia.UnsafeValueException e)
        {
            await context.Error.WriteLineAsync("cdt: " + e.Message);
            return ExitCodes.BadInput;
        }
        catch (FileAccessException e)
        {
            await context.Error.WriteLineAsync("cdt: " + e.Message);
            return ExitCodes.IoError;
        }
        catch (Exception e) when (Host.FileErrors.IsFileError(e))
        {
            // A file operation outside the file store (a temporary folder, the terminal): still the system's refusal, not a bug.
            await context.Error.WriteLineAsync("cdt: " + e.Message.Split('\n')[0] + " (" + Host.FileErrors.Reason(e, string.Empty) + ")");
            return ExitCodes.IoError;
        }
        catch (OperationCanceledException)
        {
            await context.Error.WriteLineAsync("cdt: cancelled");
            return ExitCodes.Cancelled;
        }
        catch (Exception e)
        {
            await context.Error.WriteLineAsync("cdt: internal error (a bug; please report it with this text): " + e);
            return ExitCodes.InternalError;
        }
    }
}
