using System.Globalization;
using System.Text.Json;

namespace Cdt.Files;

/// <summary>
/// A lock file naming its holder (PID, host, start time). Created atomically; a lock left by a
/// process that no longer exists is stale: it is reported and taken over. Released on dispose.
/// </summary>
public sealed class PidLock : IDisposable
{
    private readonly string _path;
    private bool _released;

    private PidLock(string path, string? staleNote)
    {
        _path = path;
        StaleNote = staleNote;
    }

    /// <summary>Set when a stale lock was found and taken over: say so to the operator.</summary>
    public string? StaleNote { get; }

    public sealed record Holder(int Pid, string Host, string Started, string What);

    /// <param name="isAlive">Whether a PID on this host is a running process (a port, for tests).</param>
    public static PidLock Acquire(string path, string what, int pid, string started, Func<int, bool> isAlive)
    {
        var me = new Holder(pid, Environment.MachineName, started, what);
        string? stale = null;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
                using (var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None))
                {
                    JsonSerializer.Serialize(stream, me);
                    stream.Flush(flushToDisk: true);
                }

                return new PidLock(path, stale);
            }
            catch (IOException) when (File.Exists(path))
            {
                var holder = Read(path);
                if (holder is not null && (holder.Host != Environment.MachineName || isAlive(holder.Pid)))
                {
                    throw new LockHeldException(path, holder);
                }

                stale = holder is null
                    ? $"removed an unreadable lock file {path}"
                    : string.Create(CultureInfo.InvariantCulture, $"took over a stale lock {path}: its holder (PID {holder.Pid}, {holder.What}, started {holder.Started}) no longer runs");
                File.Delete(path);
            }
        }

        throw new LockHeldException(path, Read(path) ?? new Holder(0, "?", "?", "unknown"));
    }

    public static Holder? Read(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<Holder>(File.ReadAllText(path));
        }
        catch (Exception e) when (e is JsonException or IOException)
        {
            return null;
        }
    }

    public static bool ProcessIsAlive(int pid)
    {
        try
        {
            using var p = System.Diagnostics.Process.GetProcessById(pid);
            return !p.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    public void Dispose()
    {
        if (!_released)
        {
            _released = true;
            File.Delete(_path);
        }
    }
}
