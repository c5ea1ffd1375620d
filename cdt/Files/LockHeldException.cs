using System.Globalization;

namespace Cdt.Files;

/// <summary>Another live process holds the lock: refused, naming it (exit code 6).</summary>
public sealed class LockHeldException : Exception
{
    public LockHeldException(string path, PidLock.Holder holder)
        : base(string.Create(CultureInfo.InvariantCulture, $"{path}: locked by {holder.What} (PID {holder.Pid} on {holder.Host}, started {holder.Started}); wait for it to finish, or stop it"))
    {
        Holder = holder;
    }

    public LockHeldException()
    {
    }

    public LockHeldException(string message)
        : base(message)
    {
    }

    public LockHeldException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public PidLock.Holder? Holder { get; }
}
