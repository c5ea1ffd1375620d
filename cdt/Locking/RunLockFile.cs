using System.Text.Json;
using Cdt.Files;

namespace Cdt.Locking;

/// <summary>
/// Never two runs of one thing at once (a schedule, a candidates list): the lock file holds the
/// holder's PID, host, process start and acquisition time. A lock whose process is gone is stale:
/// it is reported and taken over. Checking and replacing happen under an OS file lock on
/// <c>LOCK.guard</c> (released by the kernel if a process dies), so two processes that find the
/// same stale lock cannot both take it.
/// </summary>
public sealed class RunLockFile
{
    private static readonly TimeSpan GuardRetry = TimeSpan.FromMilliseconds(50);
    private const int GuardTries = 100;
    private readonly IProcessTable _processes;
    private readonly TimeProvider _time;

    public RunLockFile(string folder, string schedule, IProcessTable processes, TimeProvider time)
        : this(System.IO.Path.Combine(folder, schedule + ".lock"), processes, time)
    {
    }

    public RunLockFile(string lockPath, IProcessTable processes, TimeProvider time)
    {
        Path = lockPath;
        _processes = processes;
        _time = time;
    }

    public string Path { get; }

    private string GuardPath => Path + ".guard";

    public async Task<LockAttempt> TryAcquireAsync(LockHolder me, CancellationToken ct)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        for (var i = 0; ; i++)
        {
            if (TryOpenGuard() is { } guard)
            {
                using (guard)
                {
                    return AcquireUnderGuard(me);
                }
            }

            if (i >= GuardTries)
            {
                return new LockAttempt { Error = $"{GuardPath} stayed locked by another process" };
            }

            await Task.Delay(GuardRetry, _time, ct);
        }
    }

    /// <summary>The current holder, live or not; null when the lock is free.</summary>
    public LockHolder? ReadHolder()
    {
        try
        {
            return File.Exists(Path) ? JsonSerializer.Deserialize(File.ReadAllBytes(Path), LockingJson.Readable.LockHolder) : null;
        }
        catch (Exception e) when (e is JsonException or IOException)
        {
            return null;
        }
    }

    /// <summary>Whether a holder still runs; a holder on another host cannot be checked, so it counts as live.</summary>
    public bool IsLive(LockHolder holder) => holder.Host != _processes.Host || _processes.IsAlive(holder.Pid, holder.ProcessStarted);

    internal void Release(LockHolder me)
    {
        using var guard = TryOpenGuard();
        if (ReadHolder() is { } current && current.Token == me.Token)
        {
            File.Delete(Path);
        }
    }

    private LockAttempt AcquireUnderGuard(LockHolder me)
    {
        LockHolder? stale = null;
        if (File.Exists(Path))
        {
            var current = ReadHolder();
            if (current is null)
            {
                // Written atomically, so an unreadable lock is damage, not a write in progress.
                stale = new LockHolder { Pid = 0, Host = "?", Command = "unreadable lock file" };
            }
            else if (IsLive(current))
            {
                return new LockAttempt { HeldBy = current };
            }
            else
            {
                stale = current;
            }
        }

        var holder = me with { AcquiredAt = _time.GetUtcNow(), Token = Guid.NewGuid().ToString("N") };
        AtomicFile.Write(Path, s => JsonSerializer.Serialize(s, holder, LockingJson.Readable.LockHolder));
        return new LockAttempt { Lease = new RunLease(this, holder), Stale = stale };
    }

    private FileStream? TryOpenGuard()
    {
        try
        {
            return new FileStream(GuardPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            return null;
        }
    }
}
