using System.Globalization;
using System.Security.Cryptography;
using Cdt.Gaia;
using Cdt.Storage;
using Cdt.Transport;

namespace Cdt.Management;

/// <summary>
/// Files through the management server. <c>put-file</c> carries a file's content as a JSON string,
/// so a send is the file in base64 text put to a staging file, then one script that decodes it in
/// place and reads the copy's MD5 back (compared here, as over SSH). A file too large for one JSON
/// request is refused before anything is sent. A fetch is <c>cat</c> in a script: the task's output
/// is base64, so any bytes come back whole.
/// </summary>
public sealed class ManagementFileCopy(GatewayCalls calls, IFileStore files, ManagementFileCopy.RunScript run)
{
    /// <summary>
    /// The largest file a send carries: 975,000 bytes are 1,300,000 characters of base64, the only
    /// size limit of a script or file text documented for these APIs (Gaia's <c>run-script</c>).
    /// </summary>
    public const int MaxFileBytes = 975_000;

    /// <summary>Where the base64 text is put before it is decoded (a folder every Gaia has).</summary>
    public const string StagingFolder = "/var/log/tmp";

    public delegate Task<(CommandResult Answer, byte[]? Output)> RunScript(Target target, string command, TimeSpan timeout, CancellationToken ct);

    public async Task<CommandResult> SendAsync(Target target, string localPath, string remotePath, TimeSpan timeout, CancellationToken ct)
    {
        var path = RemoteValues.RequireAbsolutePath(remotePath);
        var name = RemoteValues.RequireFileName(path[(path.LastIndexOf('/') + 1)..]);
        if (!files.FileExists(localPath))
        {
            return new CommandResult { ExitCode = 1, Stderr = $"local file not found: {localPath}" };
        }

        byte[] content;
        await using (var stream = files.OpenRead(localPath))
        {
            if (stream.Length > MaxFileBytes)
            {
                return new CommandResult
                {
                    ExitCode = 1,
                    Stderr = string.Create(CultureInfo.InvariantCulture, $"{localPath} is {stream.Length:N0} bytes: through the management server a file goes inside one put-file request, at most {MaxFileBytes:N0} bytes; put it on {target.Name} as {path} another way (a file with the same MD5 is not sent again), or use transport: ssh"),
                };
            }

            content = new byte[stream.Length];
            await stream.ReadExactlyAsync(content, ct);
        }

        var staged = "cdt-" + name + ".b64";
        var body = new PutFileBody { Targets = [target.Name], FilePath = StagingFolder, FileName = staged, FileContent = Convert.ToBase64String(content) };
        var (task, failure) = await calls.RunTaskAsync("put-file", body, ManagementJsonContext.Default.PutFileBody, target.Name, timeout, ct);
        if (task is null)
        {
            return failure!;
        }

        var put = TaskOutcome.OfPutFile(task, target.Name, TimeSpan.Zero);
        if (!put.Succeeded)
        {
            return put;
        }

        var (decoded, _) = await run(target, Decode(StagingFolder + "/" + staged, path), timeout, ct);
        if (!decoded.Succeeded)
        {
            return decoded;
        }

        var expected = Convert.ToHexStringLower(MD5.HashData(content));
        var remote = SimpleParsers.Md5(decoded.Stdout);
        return remote.Value == expected
            ? decoded
            : decoded with { ExitCode = 1, Stderr = $"checksum mismatch after copying to {path}: sent md5 {expected}, the gateway has {remote.Value ?? "none"} ({remote.Error ?? "the copy is damaged"})" };
    }

    public async Task<CommandResult> FetchAsync(Target target, string remotePath, string localPath, TimeSpan timeout, CancellationToken ct)
    {
        var command = "cat " + ShellQuote.Single(RemoteValues.RequireAbsolutePath(remotePath));
        var result = CommandResult.Failed(TransportError.Dropped, "the copy did not start");
        await files.ReplaceAsync(localPath, async sink =>
        {
            var (r, output) = await run(target, command, timeout, ct);
            result = r with { Stdout = string.Empty };
            if (!r.Succeeded || output is null)
            {
                return false;
            }

            await sink.WriteAsync(output, ct);
            return true;
        });
        return result;
    }

    /// <summary>The staged base64 decoded to its place (no shell redirection: <c>openssl -out</c>), the staging file removed, the copy's MD5 read back.</summary>
    public static string Decode(string staged, string path)
    {
        var folder = path[..Math.Max(1, path.TrimEnd('/').LastIndexOf('/'))];
        return $"mkdir -p {ShellQuote.Single(folder)} && openssl enc -d -base64 -A -in {ShellQuote.Single(staged)} -out {ShellQuote.Single(path)} && rm -f {ShellQuote.Single(staged)} && md5sum {ShellQuote.Single(path)}";
    }
}
