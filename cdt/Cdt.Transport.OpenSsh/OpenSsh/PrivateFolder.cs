using System.Text.RegularExpressions;

namespace Cdt.Transport.OpenSsh;

/// <summary>
/// A folder only the current user can enter (mode 0700), for control sockets and the generated
/// ssh_config. Its path stays short and plain: a Unix socket path has a ~100-byte limit, and ssh
/// puts the config path unquoted into the ProxyJump command it builds.
/// </summary>
public sealed partial class PrivateFolder : IDisposable
{
    [GeneratedRegex(@"^[A-Za-z0-9/._\-]{1,60}$", RegexOptions.CultureInvariant)]
    private static partial Regex PlainShortPath();

    private PrivateFolder(string path)
    {
        Path = path;
    }

    public string Path { get; }

    public static PrivateFolder Create(string prefix)
    {
        var temp = System.IO.Path.GetTempPath().TrimEnd('/');
        var parent = PlainShortPath().IsMatch(temp) ? temp : "/tmp";
        var path = System.IO.Path.Combine(parent, prefix + Guid.NewGuid().ToString("N")[..10]);
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
        }
        else
        {
            Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return new PrivateFolder(path);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A socket still closing; the folder is private and in the temp area.
        }
    }
}
