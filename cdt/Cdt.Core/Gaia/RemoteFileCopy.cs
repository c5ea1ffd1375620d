using System.Collections.Concurrent;
using System.Security.Cryptography;
using Cdt.Fleet;
using Cdt.Storage;
using Cdt.Transport;

namespace Cdt.Gaia;

/// <summary>
/// File copies over an SSH session, the same for every SSH adapter: a send is refused on a Clish
/// login, streams the local file into <see cref="RemoteFileCommands.Receive"/> and compares the
/// MD5 the gateway reads back in the same command; a fetch streams into a temporary file that
/// replaces the local one only when the copy succeeded.
/// </summary>
public sealed class RemoteFileCopy
{
    private readonly IFileStore _files;
    private readonly ConcurrentDictionary<string, Lazy<Task<string>>> _localMd5 = new(StringComparer.Ordinal);

    public RemoteFileCopy(IFileStore files)
    {
        _files = files;
    }

    /// <summary>Runs one command of a copy: stdin from <c>stdinFile</c>, stdout into <c>stdoutSink</c> when given.</summary>
    public delegate Task<CommandResult> RunCopy(string command, string? stdinFile, Stream? stdoutSink);

    public async Task<CommandResult> SendAsync(Target target, string localPath, string remotePath, RunCopy run)
    {
        if (NeedsExpert(target, "copy a file to") is { } refused)
        {
            return refused;
        }

        if (!_files.FileExists(localPath))
        {
            return new CommandResult { ExitCode = 1, Stderr = $"local file not found: {localPath}" };
        }

        var result = await run(RemoteFileCommands.Receive(remotePath), localPath, null);
        if (!result.Succeeded)
        {
            return result;
        }

        var expected = await _localMd5.GetOrAdd(localPath, p => new Lazy<Task<string>>(() => Md5Async(p))).Value;
        var remote = SimpleParsers.Md5(result.Stdout);
        return remote.Value == expected
            ? result
            : result with { ExitCode = 1, Stderr = $"checksum mismatch after copying to {remotePath}: sent md5 {expected}, the gateway has {remote.Value ?? "none"} ({remote.Error ?? "the copy is damaged"})" };
    }

    public async Task<CommandResult> FetchAsync(Target target, string remotePath, string localPath, RunCopy run)
    {
        if (NeedsExpert(target, "fetch a file from") is { } refused)
        {
            return refused;
        }

        var result = CommandResult.Failed(TransportError.Dropped, "the copy did not start");
        await _files.ReplaceAsync(localPath, async sink => (result = await run(RemoteFileCommands.Send(remotePath), null, sink)).Succeeded);
        return result;
    }

    private static CommandResult? NeedsExpert(Target target, string what) => target.Shell == LoginShell.Clish
        ? new CommandResult { ExitCode = 1, Stderr = $"cannot {what} {target.Name}: its login shell is Clish; file copies need an Expert (bash) login shell (set 'shell: expert' in the inventory and give the user /bin/bash)" }
        : null;

    private async Task<string> Md5Async(string path)
    {
        await using var stream = _files.OpenRead(path);
        return Convert.ToHexStringLower(await MD5.HashDataAsync(stream));
    }
}
