namespace Cdt.Storage;

/// <summary>
/// The core's one way to local files and folders: lists, records, journals, run folders and locks.
/// Writes that replace a file are atomic (a reader sees the old file or the new one, never half of
/// one), and a write that must not replace a file fails instead. The adapter is <c>Cdt.Host.LocalFileStore</c>.
/// </summary>
public interface IFileStore
{
    bool FileExists(string path);

    bool FolderExists(string path);

    /// <summary>The file's identity: its absolute path with every symbolic link on the way resolved (what <c>realpath</c> prints).</summary>
    string RealPath(string path);

    long FileSize(string path);

    DateTimeOffset LastWritten(string path);

    byte[] ReadAllBytes(string path);

    string ReadAllText(string path);

    IEnumerable<string> ReadLines(string path);

    Stream OpenRead(string path);

    /// <summary>The folders directly inside <paramref name="parent"/>, by full path, in ordinal order; none when it does not exist.</summary>
    IReadOnlyList<string> Folders(string parent);

    void CreateFolder(string path);

    /// <summary>Opens a file for appending (created with its folder when missing); others may read it meanwhile. A flush puts what was written on the disk.</summary>
    Stream OpenAppend(string path);

    /// <summary>Writes through a temporary file in the same folder, flushed, then renamed; with <paramref name="overwrite"/> false an existing file makes it fail.</summary>
    void WriteAtomic(string path, Action<Stream> write, bool overwrite = true);

    /// <summary>
    /// Writes asynchronously through a temporary file in the same folder, which replaces
    /// <paramref name="path"/> only when <paramref name="write"/> returns true; otherwise the old file stays.
    /// </summary>
    Task<bool> ReplaceAsync(string path, Func<Stream, Task<bool>> write);

    void Delete(string path);

    /// <summary>Opens (or creates) a file no other process can open until the stream is closed: an OS lock. Throws <see cref="IOException"/> while another holds it.</summary>
    Stream OpenExclusive(string path);
}
