using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Cdt.Execution;
using Cdt.Reporting.Html;
using Cdt.Tests.Execution;
using Cdt.Tests.Support;
using NUnit.Framework;
using Shouldly;

namespace Cdt.Tests.Reporting;

public class HtmlReportTests
{
    [Test]
    public void TheDemosReportIsSelfContainedAndShowsEveryTarget()
    {
        using var temp = new TempFolder();
        var run = CliRunner.RunOn(ManualClock.At("2026-11-22T01:00:00+00:00"), temp.Path, "demo", "--out", temp.Path);
        run.ExitCode.ShouldBe(0, run.Error);
        // The demo prints its paths when it pauses at its gate and again when it ends: the same report, finished.
        var path = run.Out.Split('\n').Last(l => l.StartsWith("report: ", StringComparison.Ordinal))["report: ".Length..];

        var doc = Parse(File.ReadAllText(path));

        ReportStructure.Sections(doc).ShouldBe(["summary", "failures", "findings", "timeline", "clusters", "notes"]);
        var results = File.ReadAllLines(Path.Combine(Path.GetDirectoryName(path)!, ExecutionService.ResultsName)).Skip(1).Select(l => l.Split(',')).Where(c => int.TryParse(c[5], out _)).Select(c => c[0]).ToList();
        ReportStructure.TargetNames(doc).Order(StringComparer.Ordinal).ShouldBe(results.Order(StringComparer.Ordinal));
        doc.QuerySelectorAll("tr.target").Length.ShouldBe(33);
        doc.QuerySelectorAll("script, link, img, iframe, object").ShouldBeEmpty();
        doc.QuerySelectorAll("[src], [href]").ShouldBeEmpty();
        // The deadline is drawn once, in the style every lane takes: not an element per row, which cost 10,000 targets 250 kB.
        var deadline = doc.QuerySelector("style")!.TextContent;
        deadline.ShouldContain(".lane{background:linear-gradient(to right,#f3f3f3 calc(");
        doc.QuerySelectorAll(".lane b").ShouldBeEmpty();
        doc.QuerySelectorAll("h3.cluster").Select(h => h.TextContent).ShouldContain(t => t.StartsWith("cl-london ", StringComparison.Ordinal));
        doc.QuerySelector("#clusters")!.TextContent.ShouldContain("failing over from cl-london-m1");
    }

    [Test]
    public void FailuresComeFirstWithTheStepAndMessage()
    {
        using var h = new EngineHarness(Fleets.Standalone(2, "bad", "{ faults: [verify_refuses] }") + "  - { name: good, ip: 10.9.0.3, version: R81.20 }\n", "continue_after_failed_batch: true\n");
        h.Generate();

        var outcome = h.Execute();

        var doc = Parse(File.ReadAllText(outcome.ReportPath));
        var failures = doc.QuerySelectorAll("#failures tr.failure").Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent).ToList()).ToList();
        failures.Select(f => f[0]).ShouldBe(["bad01", "bad02"]);
        failures.ShouldAllBe(f => f[3] == "verify" && f[4].Length > 0);
        doc.QuerySelector("#outcome")!.ClassList.ShouldContain("failed");
        doc.QuerySelectorAll("tr.target.f").Length.ShouldBe(2);
        doc.QuerySelectorAll("tr.target.s").Length.ShouldBe(1);
    }

    [Test]
    public void EveryValueFromTheJournalIsHtmlEncoded()
    {
        const string Evil = "<script>alert('x')</script><img src=x onerror=alert(1)>\"";
        var model = ReportModelBuilder.Build(
        [
            Event("run_started") with { List = Evil },
            Event("target_started") with { Batch = 1, Unit = Evil, Target = Evil },
            Event("step_finished") with { Batch = 1, Unit = Evil, Target = Evil, Step = "verify", Status = "failed", Message = Evil, Seconds = 2 },
            Event("target_finished") with { At = "2026-11-22T01:05:00+00:00", Batch = 1, Unit = Evil, Target = Evil, Status = "failed", Message = Evil },
            Event("unit_phase") with { Batch = 1, Unit = Evil, Step = "pre", Message = Evil },
            Event("health_finding") with { Batch = 1, Target = Evil, Message = Evil },
            Event("run_finished") with { Status = "stopped", Message = Evil },
        ], roster: null);

        var html = HtmlReport.Render(model);

        html.ShouldNotContain("<script");
        html.ShouldNotContain("<img");
        var doc = Parse(html);
        doc.QuerySelectorAll("script, img").ShouldBeEmpty();
        doc.QuerySelector("#failures tr.failure td")!.TextContent.ShouldBe(Evil);
        doc.QuerySelector("#findings tr.finding")!.TextContent.ShouldContain(Evil);
        doc.QuerySelector("tr.target i")!.GetAttribute("title")!.ShouldContain("verify failed 2s");
    }

    [Test]
    public void AKilledRunRendersWithItsTargetsInterrupted()
    {
        var model = ReportModelBuilder.Build(
        [
            Event("run_started") with { List = "list.csv", Deadline = "2026-11-22T06:00:00+00:00" },
            Event("batch_started") with { Batch = 1 },
            Event("target_started") with { Batch = 1, Unit = "gw1", Target = "gw1" },
            Event("step_finished") with { Batch = 1, Unit = "gw1", Target = "gw1", Step = "check", Status = "ok", Seconds = 3 },
        ], [new ReportRosterEntry("gw1", "gw1", 1), new ReportRosterEntry("gw2", "gw2", 2)]);

        var doc = Parse(HtmlReport.Render(model));

        doc.QuerySelector("#outcome")!.TextContent.ShouldStartWith("interrupted: the journal has no run_finished");
        doc.QuerySelectorAll("tr.target").Select(r => r.QuerySelector("td.st")!.TextContent).ShouldBe(["interrupted", "pending"]);
        doc.QuerySelectorAll("#batch-2 .lane i").ShouldBeEmpty("a target never started has no bar");
        doc.QuerySelector("#caveat").ShouldBeNull();
    }

    [Test]
    public void HealthFindingsInTheJournalAreListed()
    {
        var model = ReportModelBuilder.Build(
        [
            Event("run_started"),
            Event("health_finding") with { Batch = 1, Target = "gw1", Message = "cphaprob: 1 critical device down (fwd)" },
        ], roster: null);

        var doc = Parse(HtmlReport.Render(model));

        doc.QuerySelectorAll("#findings tr.finding").Single().TextContent.ShouldContain("cphaprob: 1 critical device down (fwd)");
        doc.QuerySelector("#caveat")!.TextContent.ShouldContain("Only targets the journal mentions are listed");
    }

    private static RunEvent Event(string name) => new() { At = "2026-11-22T01:00:00+00:00", Event = name };

    private static IDocument Parse(string html) => new HtmlParser().ParseDocument(html);
}
