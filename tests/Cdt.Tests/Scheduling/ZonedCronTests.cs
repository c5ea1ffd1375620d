using Cdt.Config;
using System.Globalization;
using Cdt.Scheduling;
using NUnit.Framework;
using Shouldly;

namespace Cdt.Tests.Scheduling;

public class ZonedCronTests
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    [Test]
    public void AWindowInTheSkippedHourOfParisRunsWhenTheClockJumps()
    {
        // 2026-03-29: 02:00 CET jumps to 03:00 CEST (01:00Z); 02:30 never shows.
        var cron = Parse("30 2 * * *", Paris);

        var first = cron.NextAfter(At("2026-03-28T12:00:00Z"));
        var second = cron.NextAfter(first!.Value);

        first.ShouldBe(At("2026-03-29T01:00:00Z"));
        Local(first.Value, Paris).ShouldBe("2026-03-29T03:00:00+02:00");
        second.ShouldBe(At("2026-03-30T00:30:00Z"));
    }

    [Test]
    public void AWindowInTheRepeatedHourOfParisRunsOnceAtItsFirstShowing()
    {
        // 2026-10-25: 03:00 CEST falls back to 02:00 CET; 02:30 shows at 00:30Z and again at 01:30Z.
        var cron = Parse("30 2 * * *", Paris);

        var first = cron.NextAfter(At("2026-10-24T12:00:00Z"));
        var second = cron.NextAfter(first!.Value);

        first.ShouldBe(At("2026-10-25T00:30:00Z"));
        Local(first.Value, Paris).ShouldBe("2026-10-25T02:30:00+02:00");
        second.ShouldBe(At("2026-10-26T01:30:00Z"));
    }

    [Test]
    public void AWindowInTheSkippedHourOfNewYorkRunsWhenTheClockJumps()
    {
        // 2026-03-08: 02:00 EST jumps to 03:00 EDT (07:00Z).
        var cron = Parse("30 2 * * *", NewYork);

        var first = cron.NextAfter(At("2026-03-07T12:00:00Z"));

        first.ShouldBe(At("2026-03-08T07:00:00Z"));
        Local(first!.Value, NewYork).ShouldBe("2026-03-08T03:00:00-04:00");
        cron.NextAfter(first.Value).ShouldBe(At("2026-03-09T06:30:00Z"));
    }

    [Test]
    public void AWindowInTheRepeatedHourOfNewYorkRunsOnceAtItsFirstShowing()
    {
        // 2026-11-01: 02:00 EDT falls back to 01:00 EST; 01:30 shows at 05:30Z and again at 06:30Z.
        var cron = Parse("30 1 * * *", NewYork);

        var first = cron.NextAfter(At("2026-10-31T12:00:00Z"));
        var second = cron.NextAfter(first!.Value);

        first.ShouldBe(At("2026-11-01T05:30:00Z"));
        Local(first.Value, NewYork).ShouldBe("2026-11-01T01:30:00-04:00");
        second.ShouldBe(At("2026-11-02T06:30:00Z"));
    }

    [Test]
    public void AskedDuringTheSecondShowingTheRepeatedTimeDoesNotRunAgain()
    {
        var cron = Parse("45 1 * * *", NewYork);

        cron.NextAfter(At("2026-11-01T06:10:00Z")).ShouldBe(At("2026-11-02T06:45:00Z"));
    }

    [Test]
    public void SeveralTimesInTheGapCollapseIntoOneRun()
    {
        var cron = Parse("*/15 * * * *", Paris);

        var times = Occurrences(cron, At("2026-03-29T00:40:00Z"), 4);

        times.ShouldBe([At("2026-03-29T00:45:00Z"), At("2026-03-29T01:00:00Z"), At("2026-03-29T01:15:00Z"), At("2026-03-29T01:30:00Z")]);
    }

    [Test]
    public void TheRepeatedHourRunsOnlyInItsFirstShowingEvenForFrequentSchedules()
    {
        var cron = Parse("*/30 * * * *", NewYork);

        var times = Occurrences(cron, At("2026-11-01T04:50:00Z"), 4);

        // 01:00 and 01:30 EDT, then 02:00 EST: the second 01:00 and 01:30 (EST) do not run.
        times.ShouldBe([At("2026-11-01T05:00:00Z"), At("2026-11-01T05:30:00Z"), At("2026-11-01T07:00:00Z"), At("2026-11-01T07:30:00Z")]);
    }

    [Test]
    public void ACronInUtcIsPlainWallClock()
    {
        var cron = Parse("0 3 * * 1", TimeZoneInfo.FindSystemTimeZoneById("Etc/UTC"));

        var times = Occurrences(cron, At("2026-03-27T00:00:00Z"), 3);

        times.ShouldBe([At("2026-03-30T03:00:00Z"), At("2026-04-06T03:00:00Z"), At("2026-04-13T03:00:00Z")]);
    }

    [Test]
    public void SixFieldsPutTheSecondsFirst()
    {
        var cron = Parse("*/20 * * * * *", Paris);

        Occurrences(cron, At("2026-06-01T10:00:05Z"), 3).ShouldBe([At("2026-06-01T10:00:20Z"), At("2026-06-01T10:00:40Z"), At("2026-06-01T10:01:00Z")]);
    }

    [Test]
    public void AnOccurrenceExactlyAtTheAskedInstantIsNotReturnedButIsByAtOrAfter()
    {
        var cron = Parse("0 2 * * *", Paris);

        cron.NextAfter(At("2026-06-01T00:00:00Z")).ShouldBe(At("2026-06-02T00:00:00Z"));
        cron.NextAtOrAfter(At("2026-06-01T00:00:00Z")).ShouldBe(At("2026-06-01T00:00:00Z"));
    }

    [TestCase("0 2 * *", "has 4 fields")]
    [TestCase("0 2 * * * * *", "has 7 fields")]
    [TestCase("61 2 * * *", "is not a valid cron expression")]
    [TestCase("0 0 30 2 *", "never occurs")]
    public void AnUnusableExpressionIsRefusedWithItsReason(string expression, string reason)
    {
        ZonedCron.TryParse(expression, Paris, out var error).ShouldBeNull();
        error.ShouldNotBeNull().ShouldContain(reason);
    }

    private static ZonedCron Parse(string expression, TimeZoneInfo zone) =>
        ZonedCron.TryParse(expression, zone, out var error) ?? throw new AssertionException(error!);

    private static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture);

    private static string Local(DateTimeOffset instant, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(instant, zone).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static List<DateTimeOffset> Occurrences(ZonedCron cron, DateTimeOffset after, int count)
    {
        var list = new List<DateTimeOffset>();
        var t = after;
        for (var i = 0; i < count; i++)
        {
            t = cron.NextAfter(t)!.Value;
            list.Add(t);
        }

        return list;
    }
}
