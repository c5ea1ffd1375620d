using Cdt.Host;
using Cdt.Locking;
using Cdt.Storage;

namespace Cdt.Cli;

/// <summary>
/// Everything a command may touch outside the core: output streams, input, time, environment,
/// the working folder, whether a person is at a terminal. Tests build their own.
/// </summary>
public sealed class CliContext
{
    public required TextWriter Out { get; init; }

    public required TextWriter Error { get; init; }

    public TextReader In { get; init; } = TextReader.Null;

    public TimeProvider Time { get; init; } = TimeProvider.System;

    public IFileStore Files { get; init; } = LocalFileStore.Instance;

    public IProcessTable Processes { get; init; } = new OsProcessTable();

    public Func<string, string?> Environment { get; init; } = System.Environment.GetEnvironmentVariable;

    public string CurrentDirectory { get; init; } = Directory.GetCurrentDirectory();

    /// <summary>A person at a terminal (stdin and stderr are TTYs): may prompt, may open an editor.</summary>
    public bool IsInteractive { get; init; }

    public static CliContext FromConsole() => new()
    {
        Out = Console.Out,
        Error = Console.Error,
        In = Console.In,
        IsInteractive = !Console.IsInputRedirected && !Console.IsErrorRedirected,
    };

    public CliContext WithTime(TimeProvider time) => new()
    {
        Out = Out,
        Error = Error,
        In = In,
        Time = time,
        Files = Files,
        Processes = Processes,
        Environment = Environment,
        CurrentDirectory = CurrentDirectory,
        IsInteractive = IsInteractive,
    };

    public string Resolve(string path) => Path.GetFullPath(Path.Combine(CurrentDirectory, path));
}
