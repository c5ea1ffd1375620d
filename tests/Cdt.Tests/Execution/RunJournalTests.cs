using Cdt.Diagnostics;
using Cdt.Execution;
using Cdt.Host;
using Cdt.Tests.Support;
using NUnit.Framework;
using Shouldly;

namespace Cdt.Tests.Execution;

public class RunJournalTests
{
    private const string Started = """{"at":"2026-11-22T01:00:00+00:00","event":"run_started"}""";
    private const string Finished = """{"at":"2026-11-22T02:00:00+00:00","event":"run_finished"}""";

    [Test]
    public void ADamagedLineWithEventsAfterItIsRefusedNamingTheFileAndLine()
    {
        using var temp = new TempFolder();
        var path = temp.Write("journal.jsonl", Started + "\n" + "garbage that is not JSON\n" + Finished + "\n");

        var e = Should.Throw<CdtInputException>(() => RunJournal.Read(LocalFileStore.Instance, path));

        e.ToDisplayLine().ShouldStartWith(path + ":2: damaged journal line");
        e.Message.ShouldContain("cannot be trusted");
    }

    [Test]
    public void ATornLastLineIsDroppedWithAWarning()
    {
        using var temp = new TempFolder();
        var path = temp.Write("journal.jsonl", Started + "\n" + Finished[..20]);
        var warnings = new List<string>();

        var events = RunJournal.Read(LocalFileStore.Instance, path, warnings.Add);

        events.Select(e => e.Event).ShouldBe(["run_started"]);
        warnings.ShouldHaveSingleItem().ShouldStartWith(path + ":2: dropped a torn last journal line");
    }

    [Test]
    public void AnIntactJournalReadsWhole()
    {
        using var temp = new TempFolder();
        var path = temp.Write("journal.jsonl", Started + "\n" + Finished + "\n");
        var warnings = new List<string>();

        RunJournal.Read(LocalFileStore.Instance, path, warnings.Add).Count.ShouldBe(2);
        warnings.ShouldBeEmpty();
    }
}
