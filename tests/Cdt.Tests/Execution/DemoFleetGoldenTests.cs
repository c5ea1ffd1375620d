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

        Normalize(File.ReadAllText(outcome.ResultsPath), h).ShouldMatchTestGolden("results", "csv");
        Normalize(File.ReadAllText(outcome.SummaryPath), h).ShouldMatchTestGolden("summary", "json");
        h.World.Violations.ShouldBeEmpty();
    }

    private static string Normalize(string text, EngineHarness h) => text.Replace(h.Folder, "<folder>", StringComparison.Ordinal);
}
