using Cdt.Storage;

namespace Cdt.Host;

/// <summary>
/// The local disk behind <see cref="IFileStore"/>. Atomic writes go into a temporary file in the
/// same folder, flushed to disk, then renamed over the target: a reader never sees half a file,
/// and a crash leaves the old one.
/// </summary>
public sealed class LocalFileStore : IFileStore
{
    public static readonly LocalFileStore Instance = new();

    public bool FileExists(string path) => File.Exists(path);

    public bool FolderExists(string path) => Directory.Exists(path);

    public long FileSize(string path) => new FileInfo(path).Length;

    public DateTimeOffset LastWritten(string path) => File.GetLastWriteTimeUtc(path);

    public byte[] ReadAllBytes(string path) => File.ReadAllBytes(path);

    public string ReadAllText(string path) => File.ReadAllText(path);

    public IEnumerable<string> ReadLines(string path) => File.ReadLines(path);

    public Stream OpenRead(string path) => File.OpenRead(path);

    public IReadOnlyList<string> Folders(string parent) =>
        Directory.Exists(parent) ? [.. Directory.GetDirectories(parent).Order(StringComparer.Ordinal)] : [];

    public void CreateFolder(string path) => Directory.CreateDirectory(path);

    public Stream OpenAppend(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        // Write-through: a flushed line is on the disk, not only in the page cache (the journal's promise).
        return new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read, 4096, FileOptions.WriteThrough);
    }

    public void WriteAtomic(string path, Action<Stream> write, bool overwrite = true)
    {
        var (full, temp) = TempBeside(path);
        try
        {
            using (var stream = NewFile(temp))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }

            // Without overwrite, the move fails if the target appeared meanwhile: never clobber.
            File.Move(temp, full, overwrite);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    public async Task<bool> ReplaceAsync(string path, Func<Stream, Task<bool>> write)
    {
        var (full, temp) = TempBeside(path);
        try
        {
            bool keep;
            await using (var stream = NewFile(temp))
            {
                keep = await write(stream);
                stream.Flush(flushToDisk: true);
            }

            if (keep)
            {
                File.Move(temp, full, overwrite: true);
            }

            return keep;
        }
        finally
        {
            File.Delete(temp);
        }
    }

    public void Delete(string path) => File.Delete(path);

    public string RealPath(string path)
    {
        var full = Path.GetFullPath(path);
        var parent = Path.GetDirectoryName(full);
        var here = parent is null ? full : Path.Combine(RealPath(parent), Path.GetFileName(full));
        var info = new FileInfo(here);
        return info.LinkTarget is null ? here : RealPath(info.ResolveLinkTarget(returnFinalTarget: true)!.FullName);
    }

    public Stream OpenExclusive(string path) => new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);

    private static (string Full, string Temp) TempBeside(string path)
    {
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(folder);
        return (full, Path.Combine(folder, "." + Path.GetFileName(full) + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp"));
    }

    private static FileStream NewFile(string path) => new(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, useAsync: true);

}
