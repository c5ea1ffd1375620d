using Cdt.Host;
using Cdt.Storage;

namespace Cdt.Tests.Support;

/// <summary>The local disk, until <see cref="Full"/> is set: from then on every append fails as a full disk does.</summary>
public sealed class FillableDisk : IFileStore
{
    private readonly LocalFileStore _disk = LocalFileStore.Instance;

    public bool Full { get; set; }

    public bool FileExists(string path) => _disk.FileExists(path);

    public bool FolderExists(string path) => _disk.FolderExists(path);

    public long FileSize(string path) => _disk.FileSize(path);

    public DateTimeOffset LastWritten(string path) => _disk.LastWritten(path);

    public byte[] ReadAllBytes(string path) => _disk.ReadAllBytes(path);

    public string ReadAllText(string path) => _disk.ReadAllText(path);

    public IEnumerable<string> ReadLines(string path) => _disk.ReadLines(path);

    public Stream OpenRead(string path) => _disk.OpenRead(path);

    public IReadOnlyList<string> Folders(string parent) => _disk.Folders(parent);

    public void CreateFolder(string path) => _disk.CreateFolder(path);

    public Stream OpenAppend(string path) => new FillableStream(_disk.OpenAppend(path), this);

    public void WriteAtomic(string path, Action<Stream> write, bool overwrite = true) => _disk.WriteAtomic(path, write, overwrite);

    public Task<bool> ReplaceAsync(string path, Func<Stream, Task<bool>> write) => _disk.ReplaceAsync(path, write);

    public void Delete(string path) => _disk.Delete(path);

    public Stream OpenExclusive(string path) => _disk.OpenExclusive(path);

    public string RealPath(string path) => _disk.RealPath(path);

    private sealed class FillableStream(Stream inner, FillableDisk disk) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => inner.Length;

        public override long Position { get => inner.Position; set => throw new NotSupportedException(); }

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            if (disk.Full)
            {
                throw new IOException("No space left on device");
            }

            inner.Write(buffer);
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
