using Cdt.Candidates;
using Cdt.Tests.Support;
using NUnit.Framework;
using Shouldly;

namespace Cdt.Tests.Cli;

public class DemoCommandTests
{
    [Test]
    public async Task TheDemoNeedsNoSetupAndPrintsAValidListWithItsSummary()
    {
        using var temp = new TempFolder();
        using var nowhere = new TempFolder();

        var run = await CliRunner.RunAsync(nowhere.Path, "demo", "--out", temp.Path);

        run.ExitCode.ShouldBe(0, run.Error);
        run.Out.ShouldStartWith("Object Name,Cluster Name,IP Address,Version,State,Upgrade Order\ngw-paris-01,,10.1.1.1,R81.20,,1\n");
        run.Out.ShouldContain("\n27 gateway(s) to install in 4 batch(es)\n");
        run.Out.ShouldEndWith($"The generated candidates list is: {temp.File("candidates.csv")}\n");
        ListValidation.ValidateFile(temp.File("candidates.csv"), Cdt.Fleet.InventoryLoader.EmbeddedSampleName).Problems.ShouldBeEmpty();
    }
}
