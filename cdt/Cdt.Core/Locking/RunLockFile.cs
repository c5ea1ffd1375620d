using System.Text.Json;
using Cdt.Storage;

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
    private readonly IFileStore _files;
    private readonly IProcessTable _processes;
    private readonly TimeProvider _time;

    public RunLockFile(IFileStore files, string folder, string schedule, IProcessTable processes, TimeProvider time)
        : this(files, System.IO.Path.Combine(folder, schedule + ".lock"), processes, time)
    {
    }

    public RunLockFile(IFileStore files, string lockPath, IProcessTable processes, TimeProvider time)
    {
        _files = files;
        Path = lockPath;
        _processes = processes;
        _time = time;
    }

    public string Path { get; }

    private string GuardPath => Path + ".guard";

    public async Task<LockAttempt> TryAcquireAsync(LockHolder me, CancellationToken ct)
    {
        _files.CreateFolder(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!);
        for (var i = 0; ; i++)
        {
            Stream? guard;
            try
            {
                guard = TryOpenGuard();
            }
            catch (UnauthorizedAccessException e)
            {
                // A read-only folder is not another process: say what stops us.
                return new LockAttempt { Error = $"cannot create {GuardPath}: {e.Message} (is the folder read-only?)" };
            }

            if (guard is not null)
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
            return _files.FileExists(Path) ? JsonSerializer.Deserialize(_files.ReadAllBytes(Path), LockingJson.Readable.LockHolder) : null;
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
            _files.Delete(Path);
        }
    }

    private LockAttempt AcquireUnderGuard(LockHolder me)
    {
        LockHolder? stale = null;
        if (_files.FileExists(Path))
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
        _files.WriteAtomic(Path, s => JsonSerializer.Serialize(s, holder, LockingJson.Readable.LockHolder));
        return new LockAttempt { Lease = new RunLease(this, holder), Stale = stale };
    }

    private Stream? TryOpenGuard()
    {
        try
        {
            return _files.OpenExclusive(GuardPath);
        }
        catch (IOException)
        {
            return null;
        }
    }
}
