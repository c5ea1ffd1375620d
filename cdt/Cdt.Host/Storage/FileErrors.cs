using System.Runtime.InteropServices;
using Cdt.Storage;

namespace Cdt.Host;

/// <summary>
/// Turns .NET's exceptions for a refused file operation into a <see cref="FileAccessException"/>
/// with the system's own reason. .NET words some errno values misleadingly ("Could not find a part
/// of the path" for ENOTDIR, "Access denied" for EISDIR), so the reason is read back from the path.
/// </summary>
public static class FileErrors
{
    // errno values are small; .NET keeps the raw errno as the HResult of the errors it does not map.
    private const int LargestErrno = 4095;
    private const int FileExists = 17;

    public static bool IsFileError(Exception e) => e is (IOException and not FileAccessException) or UnauthorizedAccessException;

    public static FileAccessException Translate(Exception e, string verb, string path) => new(verb, path, Reason(e, path), e);

    /// <summary>The system's reason for <paramref name="e"/>, e.g. <c>No space left on device</c>.</summary>
    public static string Reason(Exception e, string path)
    {
        if (e is UnauthorizedAccessException && Directory.Exists(path))
        {
            return "Is a directory";
        }

        // ENOTDIR comes as "not found", or as "already exists" from the folder creation on the way.
        if (e is FileNotFoundException or DirectoryNotFoundException or IOException { HResult: FileExists } && FileInTheWay(path))
        {
            return "Not a directory";
        }

        return e switch
        {
            FileNotFoundException or DirectoryNotFoundException => "No such file or directory",
            UnauthorizedAccessException => e.InnerException?.Message ?? "Permission denied",
            PathTooLongException => "File name too long",
            IOException { HResult: > 0 and <= LargestErrno } => Marshal.GetPInvokeErrorMessage(e.HResult),
            _ => e.Message,
        };
    }

    /// <summary>Whether a file stands where one of the path's folders should be (ENOTDIR).</summary>
    private static bool FileInTheWay(string path)
    {
        if (path.Length == 0)
        {
            return false;
        }

        for (var dir = Path.GetDirectoryName(Path.GetFullPath(path)); dir is not null; dir = Path.GetDirectoryName(dir))
        {
            if (File.Exists(dir))
            {
                return true;
            }
        }

        return false;
    }
}
