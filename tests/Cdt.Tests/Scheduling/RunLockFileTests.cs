using Cdt.Host;
using System.Diagnostics;
using Cdt.Locking;
using Cdt.Scheduling;
using Cdt.Tests.Support;
using NUnit.Framework;
using Shouldly;

namespace Cdt.Tests.Scheduling;

public class RunLockFileTests
{
    private readonly ManualClock _clock = ManualClock.At("2026-11-21T01:30:00Z");

    [Test]
    public void TheLockFileNamesItsHolderAndASecondLiveProcessIsRefused()
    {
        using var temp = new TempFolder();
        var processes = new FakeProcessTable();
        var file = new RunLockFile(LocalFileStore.Instance, temp.Path, "nightly", processes, _clock);

        var first = Acquire(file, processes.Process(1001));
        var second = Acquire(file, processes.Process(1002, "cdt run-due"));

        first.Acquired.ShouldBeTrue();
        second.Acquired.ShouldBeFalse();
        second.HeldBy!.Describe().ShouldBe("PID 1001 on mgmt-1 (cdt daemon, since 2026-11-21T01:30:00+00:00)");
        var text = File.ReadAllText(file.Path);
        text.ShouldContain("\"pid\": 1001");
        text.ShouldContain("\"host\": \"mgmt-1\"");
        text.ShouldContain("\"acquired_at\": \"2026-11-21T01:30:00+00:00\"");
    }

    [Test]
    public void ReleasingFreesTheLockAndOnlyItsOwnerCanRelease()
    {
        using var temp = new TempFolder();
        var processes = new FakeProcessTable();
        var file = new RunLockFile(LocalFileStore.Instance, temp.Path, "nightly", processes, _clock);
        var first = Acquire(file, processes.Process(1001));
        first.Lease!.Dispose();
        var second = Acquire(file, processes.Process(1002));

        first.Lease.Dispose();

        second.Acquired.ShouldBeTrue();
        file.ReadHolder()!.Pid.ShouldBe(1002);
        second.Lease!.Dispose();
        File.Exists(file.Path).ShouldBeFalse();
    }

    [Test]
    public void AStaleLockFromADeadProcessIsTakenOverAndReported()
    {
        using var temp = new TempFolder();
        var processes = new FakeProcessTable();
        var file = new RunLockFile(LocalFileStore.Instance, temp.Path, "nightly", processes, _clock);
        Acquire(file, processes.Process(999));
        processes.Alive.Remove(999);

        var taken = Acquire(file, processes.Process(1001));

        taken.Acquired.ShouldBeTrue();
        taken.Stale!.Pid.ShouldBe(999);
        file.ReadHolder()!.Pid.ShouldBe(1001);
    }

    [Test]
    public void ALockHeldOnAnotherHostCountsAsLiveBecauseItCannotBeChecked()
    {
        using var temp = new TempFolder();
        var processes = new FakeProcessTable();
        var file = new RunLockFile(LocalFileStore.Instance, temp.Path, "nightly", processes, _clock);
        Acquire(file, new LockHolder { Pid = 4711, Host = "mgmt-2", Command = "cdt daemon" });

        var refused = Acquire(file, processes.Process(1001));

        refused.HeldBy!.Host.ShouldBe("mgmt-2");
    }

    [Test]
    public void AnUnreadableLockFileIsReportedAsStaleAndReplaced()
    {
        using var temp = new TempFolder();
        var processes = new FakeProcessTable();
        var file = new RunLockFile(LocalFileStore.Instance, temp.Path, "nightly", processes, _clock);
        File.WriteAllText(file.Path, "garbage");

        var taken = Acquire(file, processes.Process(1001));

        taken.Acquired.ShouldBeTrue();
        taken.Stale!.Command.ShouldBe("unreadable lock file");
    }

    [Test]
    public void TheRealProcessTableKnowsThisProcessAndNotARecycledPid()
    {
        var table = new OsProcessTable();
        var self = new OsProcessTable().Self("cdt test");

        table.IsAlive(self.Pid, self.ProcessStarted).ShouldBeTrue();
        table.IsAlive(self.Pid, self.ProcessStarted!.Value.AddHours(-1)).ShouldBeFalse("same PID, older start: another process");
        table.IsAlive(FinishedProcessId(), null).ShouldBeFalse();
    }

    private LockAttempt Acquire(RunLockFile file, LockHolder who) =>
        DeterministicRunner.Run(_clock, () => file.TryAcquireAsync(who, CancellationToken.None));

    private static int FinishedProcessId()
    {
        using var p = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
        p.WaitForExit();
        return p.Id;
    }
}
