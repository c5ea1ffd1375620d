using Cdt.Locking;
using Cdt.Scheduling;

namespace Cdt.Tests.Scheduling;

/// <summary>A process table where the test decides which PIDs are alive.</summary>
public sealed class FakeProcessTable : IProcessTable
{
    public HashSet<int> Alive { get; } = [];

    public string Host => "mgmt-1";

    public bool IsAlive(int pid, DateTimeOffset? started) => Alive.Contains(pid);

    /// <summary>This test's own process: PID 4242, alive.</summary>
    public LockHolder Self(string command) => Process(4242, command);

    public LockHolder Process(int pid, string command = "cdt daemon")
    {
        Alive.Add(pid);
        return new LockHolder { Pid = pid, Host = Host, Command = command };
    }
}
