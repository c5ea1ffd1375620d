using Cdt.Host;
using Cdt.Candidates;
using Cdt.Tests.Support;
using NUnit.Framework;
using Shouldly;

namespace Cdt.Tests.Candidates;

public class SecurityGroupBatchTests
{
    [TestCase(1)]
    [TestCase(3)]
    [TestCase(7)]
    [TestCase(50)]
    public async Task GenerateKeepsEverySecurityGroupDualChassisAndPairInOneBatch(int batchSize)
    {
        using var folder = ProcedureFleetFolder.Create(batchSize);

        var generated = await CliRunner.RunAsync(folder.Path, "generate", "--candidates", "list.csv");

        generated.ExitCode.ShouldBe(0, generated.Error);
        var rows = ListValidation.ValidateFile(LocalFileStore.Instance, folder.File("list.csv"), folder.File("fleet.yml")).Rows;
        foreach (var unit in rows.Where(r => r.ClusterName.Length > 0).GroupBy(r => r.ClusterName))
        {
            unit.Select(r => r.Order.ToCell()).Distinct().ShouldHaveSingleItem($"{unit.Key} must be in one batch");
        }

        rows.Count(r => r.ObjectName.StartsWith("sg-", StringComparison.Ordinal)).ShouldBe(22);
        rows.Where(r => r.ClusterName == "sg-madrid").Select(r => r.ObjectName).ShouldBe(["sg-madrid-1_1", "sg-madrid-1_2", "sg-madrid-2_1", "sg-madrid-2_2"]);
    }

    [TestCase("sg-geneva-2_2")]
    [TestCase("sg-madrid-1_1")]
    [TestCase("ap-billing-2")]
    public async Task ValidateRefusesASecurityGroupMemberOrSgmMovedToAnotherBatch(string member)
    {
        using var folder = ProcedureFleetFolder.Create(batchSize: 50);
        await CliRunner.RunAsync(folder.Path, "generate", "--candidates", "list.csv");
        var lines = File.ReadAllLines(folder.File("list.csv"));
        var i = Array.FindIndex(lines, l => l.StartsWith(member + ",", StringComparison.Ordinal));
        lines[i] = lines[i][..lines[i].LastIndexOf(',')] + ",9";
        File.WriteAllLines(folder.File("list.csv"), lines);

        var validated = await CliRunner.RunAsync(folder.Path, "validate", "list.csv");

        validated.ExitCode.ShouldBe(2);
        validated.Error.ShouldContain("is split across batches");
    }
}
