using Cdt.Candidates;
using Cdt.Diagnostics;
using Cdt.Host;
using Cdt.Tests.Support;
using NUnit.Framework;
using Shouldly;

namespace Cdt.Tests.Candidates;

/// <summary>The visudo-style loop on its own, with a scripted terminal: each edit is a change to the copy, each answer a yes or no.</summary>
public class ListEditSessionTests
{
    private TempFolder _temp = null!;
    private string _list = null!;
    private ListEditSession _session = null!;

    [SetUp]
    public async Task SetUp()
    {
        _temp = new TempFolder();
        SampleFleet.CopyTo(_temp, probe: false);
        _list = _temp.File("list.csv");
        (await CliRunner.RunAsync(_temp.Path, "generate", "--candidates", "list.csv")).ExitCode.ShouldBe(0);
        _session = new ListEditSession(LocalFileStore.Instance, _list, SampleFleet.Inventory(_temp));
    }

    [TearDown]
    public void TearDown() => _temp.Dispose();

    [Test]
    public async Task AnInvalidEditIsShownAndAFixedOneLandsAfterEditingAgain()
    {
        var before = await File.ReadAllTextAsync(_list);
        var terminal = new ScriptedTerminal(_temp.File("scratch"), [t => ListEdits.Order(t, "cl-london-m1", "6"), t => ListEdits.Order(t, "cl-london-m2", "6")], [true]);

        var outcome = await _session.EditAsync(terminal, CancellationToken.None);

        outcome.ShouldBeOfType<ListEditOutcome.Updated>();
        terminal.Shown.ShouldHaveSingleItem().Message.ShouldStartWith("cluster cl-london is split across batches 6");
        (await File.ReadAllTextAsync(_list)).ShouldBe(ListEdits.Order(ListEdits.Order(before, "cl-london-m1", "6"), "cl-london-m2", "6"));
        Directory.Exists(_temp.File("scratch")).ShouldBeFalse();
    }

    [Test]
    public async Task DiscardingAnInvalidEditWritesNothing()
    {
        var before = await File.ReadAllBytesAsync(_list);
        var terminal = new ScriptedTerminal(_temp.File("scratch"), [t => ListEdits.Order(t, "cl-london-m1", "6")], [false]);

        var outcome = await _session.EditAsync(terminal, CancellationToken.None);

        outcome.ShouldBe(new ListEditOutcome.NotWritten($"changes discarded; {_list} was not changed"));
        (await File.ReadAllBytesAsync(_list)).ShouldBe(before);
        Directory.Exists(_temp.File("scratch")).ShouldBeFalse();
    }

    [Test]
    public async Task AFailingEditorWritesNothingEvenAfterChangingTheCopy()
    {
        var before = await File.ReadAllBytesAsync(_list);
        var terminal = new ScriptedTerminal(_temp.File("scratch"), [t => ListEdits.Order(t, "gw-oslo-01", "-")], [], exitCode: 3);

        var outcome = await _session.EditAsync(terminal, CancellationToken.None);

        outcome.ShouldBe(new ListEditOutcome.NotWritten($"the editor exited with code 3; {_list} was not changed"));
        (await File.ReadAllBytesAsync(_list)).ShouldBe(before);
    }

    [Test]
    public void SettingANameTheListDoesNotHaveIsRefusedByName()
    {
        var outcome = _session.Apply([new ListEditor.Change("gw-nowhere", UpgradeOrder.Excluded)]);

        outcome.ShouldBeOfType<ListEditOutcome.UnknownNames>().Errors.ShouldHaveSingleItem().ShouldStartWith("gw-nowhere is neither an object nor a cluster");
    }

    private sealed class ScriptedTerminal(string scratch, IReadOnlyList<Func<string, string>> edits, IReadOnlyList<bool> answers, int exitCode = 0) : IListEditTerminal
    {
        private int _edits;
        private int _answers;

        public List<Diagnostic> Shown { get; } = [];

        public string NewScratchFolder() => Directory.CreateDirectory(scratch).FullName;

        public void RemoveScratchFolder(string folder) => Directory.Delete(folder, recursive: true);

        public async Task<int> EditAsync(string file, CancellationToken ct)
        {
            await File.WriteAllTextAsync(file, edits[_edits++](await File.ReadAllTextAsync(file, ct)), ct);
            return exitCode;
        }

        public Task<bool> EditAgainAsync(IReadOnlyList<Diagnostic> problems, CancellationToken ct)
        {
            Shown.AddRange(problems);
            return Task.FromResult(answers[_answers++]);
        }
    }
}
