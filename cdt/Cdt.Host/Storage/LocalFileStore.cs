using Cdt.Storage;

namespace Cdt.Host;

/// <summary>
/// The local disk behind <see cref="IFileStore"/>. Atomic writes go into a temporary file in the
/// same folder, flushed to disk, then renamed over the target: a reader never sees half a file,
/// a crash leaves the old one, and a failed write removes its temporary file. What the system
/// refuses comes out as a <see cref="FileAccessException"/> naming the path and the reason.
/// </summary>
public sealed class LocalFileStore : IFileStore
{
    public static readonly LocalFileStore Instance = new();

    // EWOULDBLOCK: flock found the file locked by another process.
    private const int WouldBlock = 11;

    public bool FileExists(string path) => File.Exists(path);

    public bool FolderExists(string path) => Directory.Exists(path);

    public long FileSize(string path) => Read(path, () => new FileInfo(path).Length);

    public DateTimeOffset LastWritten(string path) => Read(path, () => File.GetLastWriteTimeUtc(path));

    public byte[] ReadAllBytes(string path) => Read(path, () => File.ReadAllBytes(path));

    public string ReadAllText(string path) => Read(path, () => File.ReadAllText(path));

    public IEnumerable<string> ReadLines(string path) => Read(path, () => File.ReadLines(path));

    public Stream OpenRead(string path) => Read(path, () => File.OpenRead(path));

    public IReadOnlyList<string> Folders(string parent) =>
        Read(parent, () => Directory.Exists(parent) ? [.. Directory.GetDirectories(parent).Order(StringComparer.Ordinal)] : (IReadOnlyList<string>)[]);

    public void CreateFolder(string path) => Guard("create folder", path, () => Directory.CreateDirectory(path));

    public Stream OpenAppend(string path)
    {
        CreateFolder(Path.GetDirectoryName(Path.GetFullPath(path))!);
        // Write-through: a flushed line is on the disk, not only in the page cache (the journal's promise).
        return new TranslatingStream(Guard("write", path, () => new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read, 4096, FileOptions.WriteThrough)), path);
    }

    public void WriteAtomic(string path, Action<Stream> write, bool overwrite = true)
    {
        var (full, temp) = TempBeside(path);
        try
        {
            Guard("write", full, () =>
            {
                using (var stream = NewFile(temp))
                {
                    write(stream);
                    stream.Flush(flushToDisk: true);
                }

                // Without overwrite, the move fails if the target appeared meanwhile: never clobber.
                File.Move(temp, full, overwrite);
            });
        }
        finally
        {
            Remove(temp);
        }
    }

    public async Task<bool> ReplaceAsync(string path, Func<Stream, Task<bool>> write)
    {
        var (full, temp) = TempBeside(path);
        try
        {
            bool keep;
            FileStream stream;
            try
            {
                stream = NewFile(temp);
            }
            catch (Exception e) when (FileErrors.IsFileError(e))
            {
                throw FileErrors.Translate(e, "write", full);
            }

            await using (stream)
            {
                keep = await write(stream);
                Guard("write", full, () => stream.Flush(flushToDisk: true));
            }

            if (keep)
            {
                Guard("write", full, () => File.Move(temp, full, overwrite: true));
            }

            return keep;
        }
        finally
        {
            Remove(temp);
        }
    }

    public void Delete(string path) => Guard("remove", path, () => File.Delete(path));

    public string RealPath(string path)
    {
        var full = Path.GetFullPath(path);
        var parent = Path.GetDirectoryName(full);
        var here = parent is null ? full : Path.Combine(RealPath(parent), Path.GetFileName(full));
        var info = new FileInfo(here);
        return info.LinkTarget is null ? here : RealPath(info.ResolveLinkTarget(returnFinalTarget: true)!.FullName);
    }

    public Stream? TryOpenExclusive(string path)
    {
        try
        {
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e) when (e.HResult == WouldBlock)
        {
            return null;
        }
        catch (Exception e) when (FileErrors.IsFileError(e))
        {
            throw FileErrors.Translate(e, "create", path);
        }
    }

    private static (string Full, string Temp) TempBeside(string path)
    {
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full)!;
        Guard("write", full, () => Directory.CreateDirectory(folder));
        return (full, Path.Combine(folder, "." + Path.GetFileName(full) + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp"));
    }

    private static FileStream NewFile(string path) => new(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, useAsync: true);

    /// <summary>Removes a temporary file if it was made; a folder that refuses even that has nothing of ours in it.</summary>
    private static void Remove(string temp)
    {
        try
        {
            File.Delete(temp);
        }
        catch (Exception e) when (FileErrors.IsFileError(e))
        {
            // The write's own error, already on its way, says why.
        }
    }

    /// <summary>A missing file stays a <see cref="FileNotFoundException"/>: its reader knows what the file is and says what to do.</summary>
    private static T Read<T>(string path, Func<T> action)
    {
        try
        {
            return action();
        }
        catch (Exception e) when (FileErrors.IsFileError(e) && e is not (FileNotFoundException or DirectoryNotFoundException))
        {
            throw FileErrors.Translate(e, "read", path);
        }
    }

    private static void Guard(string verb, string path, Action action) => Guard(verb, path, () =>
    {
        action();
        return true;
    });

    private static T Guard<T>(string verb, string path, Func<T> action)
    {
        try
        {
            return action();
        }
        catch (Exception e) when (FileErrors.IsFileError(e))
        {
            throw FileErrors.Translate(e, verb, path);
        }
    }
}
