using Cdt.Tests.Support;
using NUnit.Framework;
using Shouldly;

namespace Cdt.Tests.Cli;

public class GroupsCommandTests
{
    [Test]
    public async Task GroupsPrintsTheSplitAndOrderOfEverySecurityGroupInTheList()
    {
        using var folder = ProcedureFleetFolder.Create(batchSize: 10);
        await CliRunner.RunAsync(folder.Path, "generate", "--candidates", "list.csv");

        var groups = await CliRunner.RunAsync(folder.Path, "groups", "list.csv");

        groups.ExitCode.ShouldBe(0, groups.Error);
        groups.Out.ShouldMatchGolden("groups");
    }

    [Test]
    public async Task AnInvalidListIsReportedAndNothingIsPrinted()
    {
        using var folder = ProcedureFleetFolder.Create();
        await CliRunner.RunAsync(folder.Path, "generate", "--candidates", "list.csv");
        File.AppendAllText(folder.File("list.csv"), "gw-99,,10.9.9.9,R81.20,,1\n");

        var groups = await CliRunner.RunAsync(folder.Path, "groups", "list.csv");

        groups.ExitCode.ShouldBe(2);
        groups.Out.ShouldBeEmpty();
        groups.Error.ShouldContain("gw-99");
    }
}
