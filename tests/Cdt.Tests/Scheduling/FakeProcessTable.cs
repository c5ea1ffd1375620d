using Cdt.Locking;
using Cdt.Scheduling;

namespace Cdt.Tests.Scheduling;

/// <summary>A process table where the test decides which PIDs are alive.</summary>
public sealed class FakeProcessTable : IProcessTable
{
    public HashSet<int> Alive { get; } = [];

    public string Host => "mgmt-1";

    public bool IsAlive(int pid, DateTimeOffset? started) => Alive.Contains(pid);

    public LockHolder Process(int pid, string command = "cdt daemon")
    {
        Alive.Add(pid);
        return new LockHolder { Pid = pid, Host = Host, Command = command };
    }
}
