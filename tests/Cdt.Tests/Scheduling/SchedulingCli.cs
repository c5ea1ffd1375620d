using Cdt.Cli;
using Cdt.Tests.Support;

namespace Cdt.Tests.Scheduling;

/// <summary>Runs the real command tree in-process on a manual clock (daemon, run-due, unlock, status, check).</summary>
public static class SchedulingCli
{
    public static CliRunner.Outcome Run(string folder, ManualClock clock, params string[] args) =>
        Run(folder, clock, new Dictionary<string, string> { ["USER"] = "alice" }, CancellationToken.None, args);

    public static CliRunner.Outcome Run(string folder, ManualClock clock, IReadOnlyDictionary<string, string> env, CancellationToken ct, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var context = new CliContext
        {
            Out = output,
            Error = error,
            Time = clock,
            CurrentDirectory = folder,
            Environment = name => env.TryGetValue(name, out var v) ? v : null,
        };
        var code = DeterministicRunner.Run(clock, () => CdtApp.RunAsync(args, context, ct));
        return new CliRunner.Outcome(code, output.ToString(), error.ToString());
    }
}
