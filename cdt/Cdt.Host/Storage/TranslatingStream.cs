namespace Cdt.Host;

/// <summary>An append stream whose refused writes (a full disk shows only when writing) name the file, as every other file error does.</summary>
internal sealed class TranslatingStream(Stream inner, string path) : Stream
{
    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => inner.Length;

    public override long Position { get => inner.Position; set => throw new NotSupportedException(); }

    public override void Flush() => Guard(inner.Flush);

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => Guard(() => inner.Write(buffer, offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        try
        {
            inner.Write(buffer);
        }
        catch (Exception e) when (FileErrors.IsFileError(e))
        {
            throw FileErrors.Translate(e, "write", path);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            try
            {
                inner.Dispose();
            }
            catch (Exception e) when (FileErrors.IsFileError(e))
            {
                // Closing retries the write that failed, and that failure was reported when it happened.
            }
        }

        base.Dispose(disposing);
    }

    private void Guard(Action write)
    {
        try
        {
            write();
        }
        catch (Exception e) when (FileErrors.IsFileError(e))
        {
            throw FileErrors.Translate(e, "write", path);
        }
    }
}
