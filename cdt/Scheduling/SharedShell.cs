using Cdt.Transport;

namespace Cdt.Scheduling;

/// <summary>
/// One remote shell shared by the scheduler's own work and the runs it starts, so the simulated
/// fleet remembers what the preparation window sent. The engine disposes the shell it is given
/// after each run; this wrapper ignores that, and the process that made it disposes the real one.
/// </summary>
public sealed class SharedShell : IRemoteShell
{
    private readonly IRemoteShell _inner;

    public SharedShell(IRemoteShell inner)
    {
        _inner = inner;
    }

    public Task<CommandResult> RunAsync(Target target, string command, TimeSpan timeout, CancellationToken ct) =>
        _inner.RunAsync(target, command, timeout, ct);

    public Task<CommandResult> SendFileAsync(Target target, string localPath, string remotePath, TimeSpan timeout, CancellationToken ct) =>
        _inner.SendFileAsync(target, localPath, remotePath, timeout, ct);

    public Task<CommandResult> FetchFileAsync(Target target, string remotePath, string localPath, TimeSpan timeout, CancellationToken ct) =>
        _inner.FetchFileAsync(target, remotePath, localPath, timeout, ct);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeInnerAsync() => _inner.DisposeAsync();
}
