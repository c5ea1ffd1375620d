using System.CommandLine;
using Cdt.Tests.Support;
using NUnit.Framework;
using Shouldly;

namespace Cdt.Tests.Cli;

/// <summary>The --help of every command and subcommand, as golden files: a changed option or description shows in review.</summary>
public class HelpTests
{
    private static readonly string[] Commands =
    [
        "",
        "generate",
        "validate",
        "edit",
        "demo",
        "execute",
        "resume",
        "approve",
        "groups",
        "plan",
        "plan check",
        "plan explain",
        "plan convert",
        "prepare",
        "daemon",
        "run-due",
        "unlock",
        "status",
        "check",
        "report",
        "health",
        "inventory",
        "inventory export",
    ];

    [TestCaseSource(nameof(Commands))]
    public async Task HelpOfEveryCommandMatchesItsGoldenFile(string command)
    {
        using var temp = new TempFolder();
        string[] args = [.. command.Split(' ', StringSplitOptions.RemoveEmptyEntries), "--help"];

        var run = await CliRunner.RunAsync(temp.Path, args);

        run.ExitCode.ShouldBe(0, run.Error);
        run.Error.ShouldBeEmpty();
        // The usage line names the running executable: the test host here, cdt for users.
        run.Out.Replace(RootCommand.ExecutableName, "cdt", StringComparison.Ordinal).ShouldMatchGolden("help" + (command.Length == 0 ? string.Empty : "." + command.Replace(' ', '-')));
    }

    [Test]
    public async Task TheRootHelpListsExactlyTheCommandsWithGoldenFiles()
    {
        using var temp = new TempFolder();

        var run = await CliRunner.RunAsync(temp.Path, "--help");

        var listed = run.Out[run.Out.IndexOf("Commands:", StringComparison.Ordinal)..]
            .Split('\n')
            .Skip(1)
            .Where(l => l.StartsWith("  ", StringComparison.Ordinal) && !l.StartsWith("   ", StringComparison.Ordinal))
            .Select(l => l.Trim().Split(' ', ',')[0]);
        listed.ShouldBe(Commands.Where(c => c.Length > 0 && !c.Contains(' ', StringComparison.Ordinal)), ignoreOrder: true);
    }
}
