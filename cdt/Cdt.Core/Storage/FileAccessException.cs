namespace Cdt.Storage;

/// <summary>
/// A file or folder the system would not let cdt read or write (disk full, read-only, a folder
/// where a file belongs, no permission): the user's to fix, not a bug. The message is one line,
/// <c>cannot write PATH: REASON</c>, naming the path cdt meant and the system's reason. An
/// <see cref="IOException"/>, so code that already gives up on I/O errors also gives up on these.
/// </summary>
public sealed class FileAccessException : IOException
{
    public FileAccessException(string verb, string path, string reason)
        : base($"cannot {verb} {path}: {reason}")
    {
        Path = path;
        Reason = reason;
    }

    public FileAccessException(string verb, string path, string reason, Exception inner)
        : base($"cannot {verb} {path}: {reason}", inner)
    {
        Path = path;
        Reason = reason;
    }

    public FileAccessException()
    {
    }

    public FileAccessException(string message)
        : base(message)
    {
    }

    public FileAccessException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public string Path { get; } = string.Empty;

    /// <summary>What the system said, e.g. <c>No space left on device</c>.</summary>
    public string Reason { get; } = string.Empty;
}
