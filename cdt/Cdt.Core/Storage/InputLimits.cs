using System.Globalization;
using System.Text;
using Cdt.Diagnostics;

namespace Cdt.Storage;

/// <summary>
/// The largest inputs cdt reads whole, checked while reading (a device such as /dev/zero has no
/// size to check beforehand): a candidates list 64 MB (a 100,000-row list is about 6 MB), cdt.conf,
/// an inventory or a plan 8 MB. Anything larger is refused unread, with exit 2.
/// </summary>
public static class InputLimits
{
    public const long ListBytes = 64L * 1024 * 1024;

    public const long TextFileBytes = 8L * 1024 * 1024;

    public static byte[] ReadBytes(IFileStore files, string path, long max, string what)
    {
        using var stream = files.OpenRead(path);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int n;
        while ((n = stream.Read(chunk)) > 0)
        {
            if (buffer.Length + n > max)
            {
                throw new CdtInputException(path, null, null, $"{what} is larger than {(max / (1024 * 1024)).ToString(CultureInfo.InvariantCulture)} MB, the most cdt reads: is it the right file?");
            }

            buffer.Write(chunk, 0, n);
        }

        return buffer.ToArray();
    }

    /// <summary>A text file of at most <see cref="TextFileBytes"/>, decoded as File.ReadAllText does (UTF-8 unless a byte order mark says otherwise).</summary>
    public static string ReadText(IFileStore files, string path, string what)
    {
        using var reader = new StreamReader(new MemoryStream(ReadBytes(files, path, TextFileBytes, what)), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }
}
