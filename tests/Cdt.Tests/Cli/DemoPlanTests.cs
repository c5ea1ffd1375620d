using Cdt.Tests.Support;
using NUnit.Framework;
using Shouldly;

namespace Cdt.Tests.Cli;

public class DemoPlanTests
{
    public static IEnumerable<string> SamplePlans() =>
        Directory.GetFiles(TestPaths.Repo("plans"), "*.*").Where(p => p.EndsWith(".xml", StringComparison.Ordinal) || p.EndsWith(".yml", StringComparison.Ordinal)).Select(Path.GetFileName).Order(StringComparer.Ordinal)!;

    [TestCaseSource(nameof(SamplePlans))]
    public void EverySamplePlanRunsEveryClusterKindOfTheSampleFleetToTheEnd(string plan)
    {
        using var temp = new TempFolder();
        var clock = ManualClock.At("2026-11-22T01:00:00+00:00");

        var run = CliRunner.RunOn(clock, TestPaths.RepoRoot, "demo", "--plan", Path.Combine("plans", plan), "--out", temp.Path);

        run.Out.ShouldNotContain("ready to take over");
        run.Out.ShouldContain(", 0 not started\n", customMessage: run.Out);
        run.Error.ShouldContain("the demo goes on after a failed batch");
        var results = File.ReadAllLines(Directory.GetFiles(temp.Path, "results.csv", SearchOption.AllDirectories).Single());
        foreach (var cluster in new[] { "cl-london", "cl-dublin", "cl-vienna", "cl-zurich", "ap-billing" })
        {
            var rows = results.Where(r => r.Contains("," + cluster + ",", StringComparison.Ordinal)).ToList();
            rows.ShouldAllBe(r => r.Contains(",succeeded,", StringComparison.Ordinal) || r.Contains(",N/A,N/A,", StringComparison.Ordinal), cluster);
        }

        results.Count(r => r.Contains(",succeeded,", StringComparison.Ordinal) && r.Split(',')[1].Length > 0).ShouldBeGreaterThan(0);

        // A plan whose actions could take a member down is refused on a Security Group before anything is touched.
        foreach (var group in new[] { "sg-lyon", "sg-geneva", "sg-porto" })
        {
            var rows = results.Where(r => r.Contains("," + group + ",", StringComparison.Ordinal)).ToList();
            rows.ShouldAllBe(r => r.Contains(",succeeded,", StringComparison.Ordinal) || r.Contains(",N/A,N/A,", StringComparison.Ordinal) || r.Contains("nothing was touched", StringComparison.Ordinal), group);
        }
    }
}
