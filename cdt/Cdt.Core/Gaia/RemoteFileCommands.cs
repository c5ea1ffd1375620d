using Cdt.Transport;

namespace Cdt.Gaia;

/// <summary>
/// The Expert-mode command lines behind file copies over one SSH session: stdin written to the
/// path with <c>dd</c> (no shell redirection, which restricted shells refuse), its checksum read
/// back in the same session, and <c>cat</c> to fetch. Paths are checked, then quoted.
/// </summary>
public static class RemoteFileCommands
{
    public static string Receive(string remotePath)
    {
        var path = RemoteValues.RequireAbsolutePath(remotePath);
        var folder = path[..Math.Max(1, path.TrimEnd('/').LastIndexOf('/'))];
        return $"mkdir -p {ShellQuote.Single(folder)} && dd of={ShellQuote.Single(path)} bs=1M status=none && md5sum {ShellQuote.Single(path)}";
    }

    public static string Send(string remotePath) => "cat " + ShellQuote.Single(RemoteValues.RequireAbsolutePath(remotePath));
}
