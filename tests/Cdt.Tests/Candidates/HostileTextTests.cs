using Cdt.Candidates;
using Cdt.Diagnostics;
using Cdt.Host;
using Cdt.Storage;
using Cdt.Tests.Support;
using NUnit.Framework;
using Shouldly;

namespace Cdt.Tests.Candidates;

/// <summary>Values from files are echoed as short, escaped excerpts, and oversized inputs are refused unread.</summary>
public class HostileTextTests
{
    [Test]
    public void AHugeQuotedValueIsEchoedAsAnExcerpt()
    {
        var line = new Diagnostic("list.csv", 3, 1, $"unknown object '{new string('x', 50_000_000)}' in the inventory").ToString();

        line.ShouldBe($"list.csv:3:1: unknown object '{new string('x', Location.Excerpt)}…' in the inventory");
    }

    [Test]
    public void ControlCharactersAndAnsiEscapesAreShownEscaped()
    {
        var line = new Diagnostic("fleet.yml", 2, 5, "unknown object 'gw\u001b[2J\u001b[31mOK\nfake: line'").ToString();

        line.ShouldBe("fleet.yml:2:5: unknown object 'gw\\x1b[2J\\x1b[31mOK\\x0afake: line'");
    }

    [Test]
    public void AListLargerThanTheLimitIsRefusedUnread()
    {
        using var temp = new TempFolder();
        var path = temp.File("big.csv");
        using (var f = File.Create(path))
        {
            f.SetLength(InputLimits.ListBytes + 1);
        }

        var e = Should.Throw<CdtInputException>(() => CandidatesCsvReader.ReadBytes(LocalFileStore.Instance, path));

        e.ToDisplayLine().ShouldBe($"{path}: the candidates list is larger than 64 MB, the most cdt reads: is it the right file?");
    }

    [Test]
    public void AnEndlessDeviceAsAListIsRefusedAtTheLimit()
    {
        Assume.That(File.Exists("/dev/zero"), "a Unix device file");

        var e = Should.Throw<CdtInputException>(() => CandidatesCsvReader.ReadBytes(LocalFileStore.Instance, "/dev/zero"));

        e.Message.ShouldContain("larger than 64 MB");
    }

    [Test]
    public void AConfigLargerThanTheLimitIsRefusedUnread()
    {
        using var temp = new TempFolder();
        var path = temp.Write("cdt.conf", "inventory: fleet.yml\n# " + new string('x', (int)InputLimits.TextFileBytes) + "\n");

        var e = Should.Throw<CdtInputException>(() => Cdt.Config.ConfigLoader.Load(LocalFileStore.Instance, path));

        e.Message.ShouldContain("the configuration file is larger than 8 MB");
    }
}
