namespace Cdt.Locking;

/// <summary>A held run lock; disposing it releases the lock (only if it is still ours).</summary>
public sealed class RunLease : IDisposable
{
    private readonly RunLockFile _file;
    private bool _released;

    internal RunLease(RunLockFile file, LockHolder holder)
    {
        _file = file;
        Holder = holder;
    }

    public LockHolder Holder { get; }

    public void Dispose()
    {
        if (!_released)
        {
            _released = true;
            _file.Release(Holder);
        }
    }
}
