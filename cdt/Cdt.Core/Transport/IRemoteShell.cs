namespace Cdt.Transport;

/// <summary>
/// The one port to gateways. Two adapters: the in-process simulator and the OpenSSH client.
/// Implementations never throw for a gateway's failure: they return it in the result.
/// </summary>
public interface IRemoteShell : IAsyncDisposable
{
    /// <summary>Runs one command line in the gateway's login shell.</summary>
    Task<CommandResult> RunAsync(Target target, string command, TimeSpan timeout, CancellationToken ct);

    /// <summary>
    /// Copies a local file to an absolute path on the gateway. The OpenSSH adapter reads the copy's
    /// MD5 back in the same command and fails the send on a mismatch; callers may check again.
    /// </summary>
    Task<CommandResult> SendFileAsync(Target target, string localPath, string remotePath, TimeSpan timeout, CancellationToken ct);

    /// <summary>Whether a successful <see cref="SendFileAsync"/> already proved the copy's checksum, so callers need not read it again.</summary>
    bool ChecksSentFiles => false;

    /// <summary>Copies a file from the gateway to a local path.</summary>
    Task<CommandResult> FetchFileAsync(Target target, string remotePath, string localPath, TimeSpan timeout, CancellationToken ct);
}
