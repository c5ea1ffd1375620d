using System.Text;

namespace Cdt.Storage;

/// <summary>Text written by cdt: UTF-8 without a byte order mark.</summary>
public static class FileStoreText
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    public static void WriteAllTextAtomic(this IFileStore files, string path, string content, bool overwrite = true) =>
        files.WriteAtomic(path, stream => stream.Write(Utf8NoBom.GetBytes(content)), overwrite);
}
