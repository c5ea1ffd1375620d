using Cdt.Tests.Support;
using NUnit.Framework;
using Shouldly;

namespace Cdt.Tests.Execution;

public class DemoFleetGoldenTests
{
    [Test]
    public void ResultsAndSummaryOfTheDemoFleetMatchTheApprovedFiles()
    {
        using var h = EngineHarness.SampleFleet("deadline: 2026-11-22T09:00:00+00:00\n");
        h.Generate();

        var outcome = h.Execute();

        Normalize(File.ReadAllText(outcome.ResultsPath), h).ShouldMatchApproved(c => c.SubFolder("Approved").WithDiscriminator("results").WithFileExtension("csv").NoDiff());
        Normalize(File.ReadAllText(outcome.SummaryPath), h).ShouldMatchApproved(c => c.SubFolder("Approved").WithDiscriminator("summary").WithFileExtension("json").NoDiff());
        h.World.Violations.ShouldBeEmpty();
    }

    private static string Normalize(string text, EngineHarness h) => text.Replace(h.Folder, "<folder>", StringComparison.Ordinal);
}
