using System.Collections.Concurrent;
using Cdt.Transport;

namespace Cdt.Tests.Support;

/// <summary>
/// Passes everything to a real shell and records, per gateway, every round trip it was sent: each
/// command line as sent, each file copy as <c>send LOCAL_FILE -> REMOTE_PATH</c>.
/// </summary>
public sealed class RecordingShell(IRemoteShell inner) : IRemoteShell
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<string>> _sent = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _all = new();

    public bool ChecksSentFiles => inner.ChecksSentFiles;

    /// <summary>What one gateway was sent, in order.</summary>
    public IReadOnlyList<string> SentTo(string gateway) => _sent.TryGetValue(gateway, out var q) ? [.. q] : [];

    /// <summary>What every gateway was sent, in order, as <c>GATEWAY: LINE</c>.</summary>
    public IReadOnlyList<string> All => [.. _all];

    public Task<CommandResult> RunAsync(Target target, string command, TimeSpan timeout, CancellationToken ct)
    {
        Record(target, command);
        return inner.RunAsync(target, command, timeout, ct);
    }

    public Task<CommandResult> SendFileAsync(Target target, string localPath, string remotePath, TimeSpan timeout, CancellationToken ct)
    {
        Record(target, $"send {Path.GetFileName(localPath)} -> {remotePath}");
        return inner.SendFileAsync(target, localPath, remotePath, timeout, ct);
    }

    public Task<CommandResult> FetchFileAsync(Target target, string remotePath, string localPath, TimeSpan timeout, CancellationToken ct)
    {
        Record(target, $"fetch {remotePath}");
        return inner.FetchFileAsync(target, remotePath, localPath, timeout, ct);
    }

    public ValueTask DisposeAsync() => inner.DisposeAsync();

    private void Record(Target target, string line)
    {
        _sent.GetOrAdd(target.Name, _ => new ConcurrentQueue<string>()).Enqueue(line);
        _all.Enqueue(target.Name + ": " + line);
    }
}
