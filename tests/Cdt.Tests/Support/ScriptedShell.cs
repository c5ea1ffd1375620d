using Cdt.Transport;

namespace Cdt.Tests.Support;

/// <summary>A remote shell that answers from a script of exact command lines and records what it was asked.</summary>
public sealed class ScriptedShell : IRemoteShell
{
    private readonly Dictionary<string, CommandResult> _answers = new(StringComparer.Ordinal);

    public List<string> Asked { get; } = [];

    public ScriptedShell Answer(string command, CommandResult result)
    {
        _answers[command] = result;
        return this;
    }

    public ScriptedShell Answer(string command, string stdout) => Answer(command, new CommandResult { ExitCode = 0, Stdout = stdout });

    public Task<CommandResult> RunAsync(Target target, string command, TimeSpan timeout, CancellationToken ct)
    {
        Asked.Add(command);
        return Task.FromResult(_answers.TryGetValue(command, out var r) ? r : new CommandResult { ExitCode = 127, Stderr = "bash: not scripted: " + command });
    }

    public Task<CommandResult> SendFileAsync(Target target, string localPath, string remotePath, TimeSpan timeout, CancellationToken ct) =>
        Task.FromResult(new CommandResult { ExitCode = 0 });

    public Task<CommandResult> FetchFileAsync(Target target, string remotePath, string localPath, TimeSpan timeout, CancellationToken ct) =>
        Task.FromResult(new CommandResult { ExitCode = 0 });

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
