using Cdt.Cli;

namespace Cdt.Tests.Support;

/// <summary>Runs the real command tree in-process and captures what it prints.</summary>
public static class CliRunner
{
    public sealed record Outcome(int ExitCode, string Out, string Error);

    public static async Task<Outcome> RunAsync(string currentDirectory, params string[] args) =>
        await RunAsync(currentDirectory, null, null, false, args);

    public static async Task<Outcome> RunAsync(string currentDirectory, IReadOnlyDictionary<string, string>? env, string? stdin, bool interactive, params string[] args) =>
        await RunAsync(currentDirectory, env, stdin, interactive, TimeProvider.System, args);

    /// <summary>Runs the CLI on a manual clock, deterministically (execute on the simulator takes simulated time).</summary>
    public static Outcome RunOn(ManualClock clock, string currentDirectory, params string[] args) =>
        DeterministicRunner.Run(clock, () => RunAsync(currentDirectory, null, null, false, clock, args));

    public static async Task<Outcome> RunAsync(string currentDirectory, IReadOnlyDictionary<string, string>? env, string? stdin, bool interactive, TimeProvider time, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var context = new CliContext
        {
            Out = output,
            Error = error,
            In = new StringReader(stdin ?? string.Empty),
            CurrentDirectory = currentDirectory,
            Environment = name => env is not null && env.TryGetValue(name, out var v) ? v : null,
            IsInteractive = interactive,
            Time = time,
        };
        var code = await CdtApp.RunAsync(args, context);
        return new Outcome(code, output.ToString(), error.ToString());
    }
}
