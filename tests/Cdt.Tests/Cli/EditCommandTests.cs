using Cdt.Host;
using Cdt.Candidates;
using Cdt.Tests.Candidates;
using Cdt.Tests.Support;
using NUnit.Framework;
using Shouldly;

namespace Cdt.Tests.Cli;

/// <summary>
/// <c>cdt edit</c> with a scripted editor: a small shell script, named in EDITOR, that changes the
/// copy it is given and exits, as an admin in vi would.
/// </summary>
public class EditCommandTests
{
    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

    private TempFolder _temp = null!;
    private string _list = null!;

    [SetUp]
    public async Task SetUp()
    {
        _temp = new TempFolder();
        SampleFleet.CopyTo(_temp, probe: false);
        _list = _temp.File("list.csv");
        (await CliRunner.RunAsync(_temp.Path, "generate", "--candidates", "list.csv")).ExitCode.ShouldBe(0);
    }

    [TearDown]
    public void TearDown() => _temp.Dispose();

    [Test]
    public async Task AValidChangeFromTheEditorReplacesTheListAtomically()
    {
        var before = await File.ReadAllTextAsync(_list);

        var run = await EditAsync(Editor("sed -i 's/^gw-paris-02,,10.1.1.2,R81.20,,2$/gw-paris-02,,10.1.1.2,R81.20,,6/' \"$1\""));

        run.ExitCode.ShouldBe(0, run.Error);
        (await File.ReadAllTextAsync(_list)).ShouldBe(ListEdits.Order(before, "gw-paris-02", "6"));
        run.Out.ShouldContain("  batch 6: 1 gateway(s): gw-paris-02\n");
        run.Out.ShouldEndWith($"{_list} updated\n");
        Directory.GetFiles(_temp.Path, "*.tmp").ShouldBeEmpty();
        Directory.GetFiles(_temp.Path, ".*").ShouldBeEmpty();
    }

    [Test]
    public async Task AListHeldByARunIsNotEditedAndTheHolderIsNamed()
    {
        var before = await File.ReadAllBytesAsync(_list);
        LockFiles.HeldByThisProcess(_list + ".lock", "cdt execute list.csv");

        var run = await CliRunner.RunAsync(_temp.Path, "edit", "list.csv", "--exclude", "gw-paris-02");

        run.ExitCode.ShouldBe(6, run.Error);
        run.Error.ShouldContain($"{_list}.lock: locked by PID {Environment.ProcessId}");
        (await File.ReadAllBytesAsync(_list)).ShouldBe(before);
    }

    [Test]
    public async Task AnInvalidChangeIsShownAndDiscardingItLeavesTheOriginalUntouched()
    {
        var before = await File.ReadAllBytesAsync(_list);

        var run = await EditAsync(Editor("sed -i 's/^gw-rome-01,\\(.*\\),N\\/A$/gw-rome-01,\\1,1/' \"$1\""), stdin: "d\n");

        run.ExitCode.ShouldBe(2);
        run.Out.ShouldBeEmpty();
        run.Error.ShouldBe($"""
            {_list}:10: gw-rome-01 was 'N/A' when generated and must stay 'N/A' (found '1'): it is not eligible (version R80.40 is not one the package applies to (R81.20))
            The list is not valid. (e)dit again or (d)iscard your changes? [e/d] cdt: changes discarded; {_list} was not changed

            """.ReplaceLineEndings("\n"));
        (await File.ReadAllBytesAsync(_list)).ShouldBe(before);
    }

    [Test]
    public async Task NoAnswerAtThePromptDiscardsTheChanges()
    {
        var before = await File.ReadAllBytesAsync(_list);

        var run = await EditAsync(Editor("sed -i 's/^cl-london-m1,\\(.*\\),2$/cl-london-m1,\\1,3/' \"$1\""), stdin: string.Empty);

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldEndWith($"cdt: changes discarded; {_list} was not changed\n");
        (await File.ReadAllBytesAsync(_list)).ShouldBe(before);
    }

    [Test]
    public async Task EditingAgainAfterAMistakeLetsTheFixLand()
    {
        var count = _temp.File("editor-runs");
        var script = Editor($"""
            n=$(cat '{count}' 2>/dev/null || echo 0); n=$((n+1)); echo $n > '{count}'
            if [ $n -eq 1 ]; then
              sed -i 's/^cl-london-m1,\(.*\),2$/cl-london-m1,\1,6/' "$1"
            else
              sed -i 's/^cl-london-m2,\(.*\),2$/cl-london-m2,\1,6/' "$1"
            fi
            """);
        var before = await File.ReadAllTextAsync(_list);

        var run = await EditAsync(script, stdin: "e\n");

        run.ExitCode.ShouldBe(0, run.Error);
        (await File.ReadAllTextAsync(count)).Trim().ShouldBe("2");
        run.Error.ShouldStartWith($"{_list}:13: cluster cl-london is split across batches 6 (cl-london-m1, line 12) and 2 (cl-london-m2)");
        (await File.ReadAllTextAsync(_list)).ShouldBe(ListEdits.Order(ListEdits.Order(before, "cl-london-m1", "6"), "cl-london-m2", "6"));
    }

    [Test]
    public async Task AListChangedOnDiskDuringTheEditIsNotOverwritten()
    {
        var before = await File.ReadAllTextAsync(_list);

        var run = await EditAsync(Editor($"sed -i 's/^gw-oslo-01,\\(.*\\),2$/gw-oslo-01,\\1,-/' \"$1\"; sed -i 's/^gw-paris-03,\\(.*\\),2$/gw-paris-03,\\1,9/' '{_list}'"));

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldBe($"cdt: {_list} changed on disk while it was being edited; nothing was written\n");
        (await File.ReadAllTextAsync(_list)).ShouldBe(ListEdits.Order(before, "gw-paris-03", "9"));
    }

    [Test]
    public async Task AnEditorThatChangesNothingChangesNothing()
    {
        var stamp = File.GetLastWriteTimeUtc(_list);
        var before = await File.ReadAllBytesAsync(_list);

        var run = await EditAsync(Editor("true"));

        run.ExitCode.ShouldBe(0);
        run.Error.ShouldBe($"cdt: no changes; {_list} was not changed\n");
        (await File.ReadAllBytesAsync(_list)).ShouldBe(before);
        File.GetLastWriteTimeUtc(_list).ShouldBe(stamp);
    }

    [Test]
    public async Task AnEditorThatFailsChangesNothing()
    {
        var before = await File.ReadAllBytesAsync(_list);

        var run = await EditAsync(Editor("sed -i 's/,2$/,5/' \"$1\"; exit 3"));

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldBe($"cdt: the editor exited with code 3; {_list} was not changed\n");
        (await File.ReadAllBytesAsync(_list)).ShouldBe(before);
    }

    [Test]
    public async Task VisualIsPreferredToEditor()
    {
        var env = new Dictionary<string, string>
        {
            ["VISUAL"] = Editor("sed -i 's/^gw-oslo-01,\\(.*\\),2$/gw-oslo-01,\\1,-/' \"$1\""),
            ["EDITOR"] = Editor("exit 9"),
        };

        var run = await CliRunner.RunAsync(_temp.Path, env, null, true, "edit", "list.csv");

        run.ExitCode.ShouldBe(0, run.Error);
        (await File.ReadAllTextAsync(_list)).ShouldContain("\ngw-oslo-01,,10.1.4.1,R81.20,,-\n");
    }

    [Test]
    public async Task WithoutATerminalAndWithoutSetEditRefusesAtOnce()
    {
        var marker = _temp.File("editor-ran");
        var env = new Dictionary<string, string> { ["EDITOR"] = Editor($"touch '{marker}'") };

        var run = await CliRunner.RunAsync(_temp.Path, env, null, false, "edit", "list.csv");

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldBe("cdt: edit needs a terminal to open an editor; without one, use --set NAME=BATCH or --exclude NAME\n");
        File.Exists(marker).ShouldBeFalse();
    }

    [TestCase("cl-dublin", "9", new[] { "cl-dublin-m1", "cl-dublin-m2", "cl-dublin-m3" })]
    [TestCase("sg-geneva", "1", new[] { "sg-geneva-1_1", "sg-geneva-1_2", "sg-geneva-1_3", "sg-geneva-2_1", "sg-geneva-2_2", "sg-geneva-2_3" })]
    [TestCase("gw-paris-03", "-", new[] { "gw-paris-03" })]
    public async Task SetMovesEveryMemberAndOnlyTheirUpgradeOrderCells(string name, string batch, string[] moved)
    {
        var before = await File.ReadAllTextAsync(_list);

        var run = await CliRunner.RunAsync(_temp.Path, "edit", "list.csv", "--set", $"{name}={batch}");

        run.ExitCode.ShouldBe(0, run.Error);
        (await File.ReadAllTextAsync(_list)).ShouldBe(moved.Aggregate(before, (t, m) => ListEdits.Order(t, m, batch)));
        run.Out.ShouldEndWith($"{_list} updated\n");
    }

    [Test]
    public async Task ExcludeTakesOutEveryMemberOfAClusterAndASecurityGroup()
    {
        var before = await File.ReadAllTextAsync(_list);

        var run = await CliRunner.RunAsync(_temp.Path, "edit", "list.csv", "--exclude", "cl-zurich", "--exclude", "sg-lyon");

        run.ExitCode.ShouldBe(0, run.Error);
        string[] members = ["cl-zurich-m1", "cl-zurich-m2", "cl-zurich-m3", "sg-lyon-1_1", "sg-lyon-1_2", "sg-lyon-1_3", "sg-lyon-1_4"];
        var expected = members.Aggregate(before, (t, m) => ListEdits.Order(t, m, "-"));
        (await File.ReadAllTextAsync(_list)).ShouldBe(expected);
        run.Out.ShouldContain("  excluded (-): 7 (cl-zurich-m1, cl-zurich-m2, cl-zurich-m3, sg-lyon-1_1, sg-lyon-1_2, sg-lyon-1_3, sg-lyon-1_4)\n");
    }

    [Test]
    public async Task SetKeepsThePaddedDialectBomAndCrlf()
    {
        var rows = ListValidation.ValidateFile(LocalFileStore.Instance, _list, SampleFleet.Inventory(_temp)).Rows;
        var padded = "\uFEFF" + CandidatesCsvWriter.Write(rows, CsvDialect.Padded with { Crlf = true });
        await File.WriteAllTextAsync(_list, padded);

        var run = await CliRunner.RunAsync(_temp.Path, "edit", "list.csv", "--set", "cl-vienna=12");

        run.ExitCode.ShouldBe(0, run.Error);
        var after = await File.ReadAllBytesAsync(_list);
        after[..3].ShouldBe(Utf8Bom);
        var text = System.Text.Encoding.UTF8.GetString(after[3..]);
        text.ShouldBe(padded[1..]
            .Replace("cl-vienna-m1 ,            cl-vienna ,       10.3.3.1 ,           R81.20 ,               master ,             3", "cl-vienna-m1 ,            cl-vienna ,       10.3.3.1 ,           R81.20 ,               master ,            12", StringComparison.Ordinal)
            .Replace("cl-vienna-m2 ,            cl-vienna ,       10.3.3.2 ,           R81.20 ,               backup ,             3", "cl-vienna-m2 ,            cl-vienna ,       10.3.3.2 ,           R81.20 ,               backup ,            12", StringComparison.Ordinal));
        text.ShouldNotBe(padded[1..]);
    }

    [Test]
    public async Task SetOnAListWithoutARecordWarnsAndStillChecksTheClusters()
    {
        File.Delete(_list + ".gen.json");

        var split = await CliRunner.RunAsync(_temp.Path, "edit", "list.csv", "--set", "cl-vienna-m1=4");
        var whole = await CliRunner.RunAsync(_temp.Path, "edit", "list.csv", "--set", "cl-vienna=4");

        split.ExitCode.ShouldBe(2);
        split.Error.ShouldContain($"{_list}:18: cluster cl-vienna is split across batches 4 (cl-vienna-m1, line 17) and 3 (cl-vienna-m2)");
        whole.ExitCode.ShouldBe(0, whole.Error);
        whole.Error.ShouldBe($"cdt: warning: no generation record ({_list}.gen.json): immutable columns were checked against the inventory only\n");
        (await File.ReadAllTextAsync(_list)).ShouldContain("\ncl-vienna-m1,cl-vienna,10.3.3.1,R81.20,master,4\ncl-vienna-m2,cl-vienna,10.3.3.2,R81.20,backup,4\n");
    }

    [Test]
    public async Task SettingOneMemberOfAClusterIsRefusedAsASplit()
    {
        var before = await File.ReadAllBytesAsync(_list);

        var run = await CliRunner.RunAsync(_temp.Path, "edit", "list.csv", "--set", "cl-london-m1=5");

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldBe($"""
            {_list}:13: cluster cl-london is split across batches 5 (cl-london-m1, line 12) and 2 (cl-london-m2): all members of a cluster must be in the same batch
            1 problem(s); {_list} was not changed

            """.ReplaceLineEndings("\n"));
        (await File.ReadAllBytesAsync(_list)).ShouldBe(before);
    }

    [Test]
    public async Task SettingAnNaRowIsRefused()
    {
        var before = await File.ReadAllBytesAsync(_list);

        var run = await CliRunner.RunAsync(_temp.Path, "edit", "list.csv", "--set", "gw-rome-01=2");

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldStartWith($"{_list}:10: gw-rome-01 was 'N/A' when generated and must stay 'N/A' (found '2')");
        (await File.ReadAllBytesAsync(_list)).ShouldBe(before);
    }

    [Test]
    public async Task ExcludingAClusterWhoseMembersAreAllNaChangesNothing()
    {
        var before = await File.ReadAllBytesAsync(_list);

        var run = await CliRunner.RunAsync(_temp.Path, "edit", "list.csv", "--exclude", "cl-lisbon");

        run.ExitCode.ShouldBe(0);
        run.Error.ShouldBe($"cdt: no changes; {_list} was not changed\n");
        (await File.ReadAllBytesAsync(_list)).ShouldBe(before);
    }

    [TestCase("gw-paris-02=0", "cdt: --set gw-paris-02=0: write NAME=BATCH with a batch number from 1, or NAME=- to exclude")]
    [TestCase("gw-paris-02", "cdt: --set gw-paris-02: write NAME=BATCH with a batch number from 1, or NAME=- to exclude")]
    [TestCase("gw-paris-02=N/A", "cdt: --set gw-paris-02=N/A: write NAME=BATCH with a batch number from 1, or NAME=- to exclude")]
    public async Task ABadSetIsBadInput(string set, string message)
    {
        var before = await File.ReadAllBytesAsync(_list);

        var run = await CliRunner.RunAsync(_temp.Path, "edit", "list.csv", "--set", set);

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldBe(message + "\n");
        (await File.ReadAllBytesAsync(_list)).ShouldBe(before);
    }

    [Test]
    public async Task AnUnknownNameIsBadInput()
    {
        var run = await CliRunner.RunAsync(_temp.Path, "edit", "list.csv", "--exclude", "gw-atlantis");

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldBe($"cdt: gw-atlantis is neither an object nor a cluster in {_list}\n{_list} was not changed\n");
    }

    private Task<CliRunner.Outcome> EditAsync(string editor, string? stdin = null) =>
        CliRunner.RunAsync(_temp.Path, new Dictionary<string, string> { ["EDITOR"] = editor }, stdin, true, "edit", "list.csv");

    /// <summary>Writes a script that edits the file named by $1; returns the EDITOR value that runs it.</summary>
    private string Editor(string body)
    {
        var path = _temp.File($"editor-{Guid.NewGuid():N}.sh");
        File.WriteAllText(path, "#!/bin/sh\n" + body.ReplaceLineEndings("\n") + "\n");
        return $"sh '{path}'";
    }
}
