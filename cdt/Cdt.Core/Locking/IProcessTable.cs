namespace Cdt.Locking;

/// <summary>The port to the operating system's process list, to tell a stale lock from a live one.</summary>
public interface IProcessTable
{
    /// <summary>The host name locks are tagged with: only locks from this host can be checked.</summary>
    string Host { get; }

    /// <summary>Whether the process <paramref name="pid"/> exists and, when known, started at <paramref name="started"/>.</summary>
    bool IsAlive(int pid, DateTimeOffset? started);

    /// <summary>This process as a lock holder: its PID, host and start time, with the command it runs.</summary>
    LockHolder Self(string command);
}
