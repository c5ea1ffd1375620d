using Cdt.Tests.Support;
using Microsoft.Playwright;
using NUnit.Framework;
using Shouldly;

namespace Cdt.IntegrationTests.Reporting;

/// <summary>The demo's report.html opened in a real headless Chromium (Debian's, not a download).</summary>
public class ReportInBrowserTests
{
    private const string Chromium = "/usr/bin/chromium";

    [Test]
    public async Task TheDemosReportLoadsWithoutErrorsAndShowsEveryTargetAfterTheFailures()
    {
        if (!File.Exists(Chromium))
        {
            Assert.Ignore($"no browser at {Chromium}: install it with 'apt-get install -y chromium' (./test.sh does); the structure test in Cdt.Tests still ran");
        }

        using var temp = new TempFolder();
        var run = CliRunner.RunOn(ManualClock.At("2026-11-22T01:00:00+00:00"), temp.Path, "demo", "--out", temp.Path);
        run.ExitCode.ShouldBe(0, run.Error);
        var path = run.Out.Split('\n').Single(l => l.StartsWith("report: ", StringComparison.Ordinal))["report: ".Length..];

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = Chromium, Headless = true, Args = ["--no-sandbox"] });
        var page = await browser.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, m) =>
        {
            if (m.Type == "error")
            {
                errors.Add(m.Text);
            }
        };
        page.PageError += (_, e) => errors.Add($"{e}");
        await page.GotoAsync(new Uri(path).AbsoluteUri);

        errors.ShouldBeEmpty();
        (await page.Locator("tr.target").CountAsync()).ShouldBe(33);
        (await page.Locator("#target-count").InnerTextAsync()).ShouldBe("33");
        var sections = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('body > section')].map(s => s.id)");
        sections.ShouldBe(["summary", "failures", "findings", "timeline", "clusters", "notes"]);
        var failuresTop = await page.EvaluateAsync<double>("() => document.getElementById('failures').getBoundingClientRect().top");
        var timelineTop = await page.EvaluateAsync<double>("() => document.getElementById('timeline').getBoundingClientRect().top");
        failuresTop.ShouldBeLessThan(timelineTop);
        (await page.Locator("#outcome").InnerTextAsync()).ShouldStartWith("completed");
    }
}
