using Cdt.Host;
using Cdt.Locking;
using Cdt.Storage;
using Cdt.Tests.Scheduling;
using Cdt.Tests.Support;
using NUnit.Framework;
using Shouldly;

namespace Cdt.Tests.Host;

/// <summary>The system's refusals, as root sees them too: named by path and reason, never half a file.</summary>
public class LocalFileStoreTests
{
    private readonly LocalFileStore _files = LocalFileStore.Instance;
    private TempFolder _temp = null!;

    [SetUp]
    public void SetUp()
    {
        _temp = new TempFolder();
        _temp.Write("a-file", "not a folder");
    }

    [TearDown]
    public void TearDown() => _temp.Dispose();

    [Test]
    public void AFileWhereAFolderBelongsIsNotADirectory()
    {
        var path = _temp.File("a-file/x.json");

        var e = Should.Throw<FileAccessException>(() => _files.WriteAllTextAtomic(path, "{}"));

        e.Message.ShouldBe($"cannot write {path}: Not a directory");
        e.Path.ShouldBe(path);
    }

    [Test]
    public void AFolderWhereAFileBelongsIsADirectory()
    {
        Directory.CreateDirectory(_temp.File("folder"));

        var e = Should.Throw<FileAccessException>(() => _files.WriteAllTextAtomic(_temp.File("folder"), "x"));

        e.Reason.ShouldBe("Is a directory");
        TemporaryFiles().ShouldBeEmpty();
    }

    [Test]
    public void AFullDeviceSaysNoSpaceLeftOnDevice()
    {
        using var journal = _files.OpenAppend("/dev/full");

        var e = Should.Throw<FileAccessException>(() =>
        {
            journal.Write("line\n"u8);
            journal.Flush();
        });

        e.Message.ShouldBe("cannot write /dev/full: No space left on device");
    }

    [Test]
    public void AWriteThatFailsHalfWayKeepsTheOldFileAndRemovesItsTemporaryFile()
    {
        var path = _temp.Write("list.csv", "old");

        Should.Throw<IOException>(() => _files.WriteAtomic(path, s =>
        {
            s.Write("new, half"u8);
            throw new IOException("No space left on device");
        }));

        File.ReadAllText(path).ShouldBe("old");
        TemporaryFiles().ShouldBeEmpty();
    }

    [Test]
    public void AnExclusiveFileHeldElsewhereIsNullAndARefusedOneThrows()
    {
        using var held = _files.TryOpenExclusive(_temp.File("g"));

        held.ShouldNotBeNull();
        _files.TryOpenExclusive(_temp.File("g")).ShouldBeNull();
        Should.Throw<FileAccessException>(() => _files.TryOpenExclusive(_temp.File("a-file/g"))).Reason.ShouldBe("Not a directory");
    }

    [Test]
    public async Task ARunLockInAFolderTheSystemRefusesSaysWhyInsteadOfWaitingForAnotherProcess()
    {
        var lockFile = new RunLockFile(_files, "/sys/cdt-test-lock", "nightly", new FakeProcessTable(), ManualClock.At("2026-11-22T01:00:00+00:00"));

        var e = await Should.ThrowAsync<FileAccessException>(() => lockFile.TryAcquireAsync(new FakeProcessTable().Self("test"), CancellationToken.None));

        e.Path.ShouldBe("/sys/cdt-test-lock");
        e.Message.ShouldStartWith("cannot create folder /sys/cdt-test-lock: ");
    }

    private IEnumerable<string> TemporaryFiles() => Directory.EnumerateFiles(_temp.Path, "*.tmp", SearchOption.AllDirectories);
}
