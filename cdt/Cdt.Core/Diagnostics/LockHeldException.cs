namespace Cdt.Diagnostics;

/// <summary>Another live process holds the lock: refused, naming it (exit code 6).</summary>
public sealed class LockHeldException : Exception
{
    public LockHeldException(string path, string holder)
        : base($"{path}: locked by {holder}; wait for it to finish, or stop it")
    {
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
}
