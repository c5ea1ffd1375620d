using System.Text;

namespace Cdt.Files;

/// <summary>
/// Writes files the safe way: into a temporary file in the same folder, flushed to disk, then
/// renamed over the target. A reader never sees half a file, and a crash leaves the old one.
/// </summary>
public static class AtomicFile
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    public static void WriteAllText(string path, string content, bool overwrite = true) =>
        Write(path, stream =>
        {
            var bytes = Utf8NoBom.GetBytes(content);
            stream.Write(bytes);
        }, overwrite);

    public static void Write(string path, Action<Stream> writeContent, bool overwrite = true)
    {
        var full = System.IO.Path.GetFullPath(path);
        var folder = System.IO.Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(folder);
        var temp = System.IO.Path.Combine(folder, "." + System.IO.Path.GetFileName(full) + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024))
            {
                writeContent(stream);
                stream.Flush(flushToDisk: true);
            }

            if (overwrite)
            {
                File.Move(temp, full, overwrite: true);
            }
            else
            {
                // File.Move without overwrite fails if the target appeared meanwhile: never clobber.
                File.Move(temp, full, overwrite: false);
            }
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }
}
