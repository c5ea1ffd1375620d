using System.Diagnostics;
using Cdt.Locking;

namespace Cdt.Host;

/// <summary>The real process table (the adapter at the edge), and this process's own identity.</summary>
public sealed class OsProcessTable : IProcessTable
{
    public string Host => Environment.MachineName;

    public LockHolder Self(string command)
    {
        using var self = Process.GetCurrentProcess();
        return new LockHolder
        {
            Pid = Environment.ProcessId,
            Host = Environment.MachineName,
            ProcessStarted = new DateTimeOffset(self.StartTime.ToUniversalTime(), TimeSpan.Zero),
            Command = command,
        };
    }

    public bool IsAlive(int pid, DateTimeOffset? started)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            if (process.HasExited)
            {
                return false;
            }

            // A PID reused by a younger process is not the holder; a second of slack for rounding.
            return started is not { } s || Math.Abs((process.StartTime.ToUniversalTime() - s.UtcDateTime).TotalSeconds) < 1.5;
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
}
