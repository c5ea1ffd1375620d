using Cdt.Diagnostics;
using Cdt.Storage;

namespace Cdt.Locking;

/// <summary>
/// The one lock a candidates list has, whatever path names it: <c>REALPATH.lock</c>, next to the
/// file itself with symbolic links resolved, so a link or another spelling of the path shares it.
/// Writers of the list (edit, generate --force) refuse while a live run holds it.
/// </summary>
public static class ListLock
{
    public static RunLockFile For(IFileStore files, string listPath, IProcessTable processes, TimeProvider time) =>
        new(files, files.RealPath(listPath) + ".lock", processes, time);

    /// <summary>Throws <see cref="LockHeldException"/> (exit 6) when a live process holds the list's lock.</summary>
    public static void RefuseIfHeld(IFileStore files, string listPath, IProcessTable processes, TimeProvider time)
    {
        if (!files.FileExists(listPath))
        {
            return;
        }

        var lockFile = For(files, listPath, processes, time);
        if (lockFile.ReadHolder() is { } holder && lockFile.IsLive(holder))
        {
            throw new LockHeldException(lockFile.Path, holder.Describe());
        }
    }
}
