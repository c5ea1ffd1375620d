using Cdt.Transport;

namespace Cdt.Tests.Scheduling;

/// <summary>Passes everything to a real shell and counts the file copies per gateway.</summary>
public sealed class CountingShell(IRemoteShell inner) : IRemoteShell
{
    public Dictionary<string, int> Sends { get; } = new(StringComparer.Ordinal);

    public Task<CommandResult> RunAsync(Target target, string command, TimeSpan timeout, CancellationToken ct) => inner.RunAsync(target, command, timeout, ct);

    public bool ChecksSentFiles => inner.ChecksSentFiles;

    public Task<CommandResult> SendFileAsync(Target target, string localPath, string remotePath, TimeSpan timeout, CancellationToken ct)
    {
        Sends[target.Name] = Sends.GetValueOrDefault(target.Name) + 1;
        return inner.SendFileAsync(target, localPath, remotePath, timeout, ct);
    }

    public Task<CommandResult> FetchFileAsync(Target target, string remotePath, string localPath, TimeSpan timeout, CancellationToken ct) =>
        inner.FetchFileAsync(target, remotePath, localPath, timeout, ct);

    public ValueTask DisposeAsync() => inner.DisposeAsync();
}
