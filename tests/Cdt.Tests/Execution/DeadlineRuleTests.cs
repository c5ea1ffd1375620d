using Cdt.Config;
using Cdt.Execution;
using NUnit.Framework;
using Shouldly;

namespace Cdt.Tests.Execution;

public class DeadlineRuleTests
{
    private static readonly DateTimeOffset Deadline = DateTimeOffset.Parse("2026-11-22T06:00:00+01:00", System.Globalization.CultureInfo.InvariantCulture);

    [TestCase(DeadlinePolicy.Strict)]
    [TestCase(DeadlinePolicy.Predict)]
    public void WithoutADeadlineEveryBatchStarts(DeadlinePolicy policy) =>
        DeadlineRule.Check(null, policy, Deadline.AddDays(1), Deadline.AddDays(2)).ShouldBe(DeadlineVerdict.Starts);

    [TestCase(DeadlinePolicy.Strict)]
    [TestCase(DeadlinePolicy.Predict)]
    public void NoBatchStartsAtTheDeadline(DeadlinePolicy policy) =>
        DeadlineRule.Check(Deadline, policy, Deadline, Deadline.AddMinutes(30)).ShouldBe(DeadlineVerdict.Passed);

    [Test]
    public void AnOffsetDoesNotChangeTheInstantCompared() =>
        DeadlineRule.Check(Deadline, DeadlinePolicy.Strict, Deadline.ToOffset(TimeSpan.Zero).AddSeconds(-1), Deadline.AddHours(1)).ShouldBe(DeadlineVerdict.Starts);

    [Test]
    public void StrictLetsABatchStartThatEndsAfterTheDeadline() =>
        DeadlineRule.Check(Deadline, DeadlinePolicy.Strict, Deadline.AddMinutes(-1), Deadline.AddHours(1)).ShouldBe(DeadlineVerdict.Starts);

    [Test]
    public void PredictKeepsBackABatchPredictedToEndAfterTheDeadline() =>
        DeadlineRule.Check(Deadline, DeadlinePolicy.Predict, Deadline.AddMinutes(-30), Deadline.AddMinutes(1)).ShouldBe(DeadlineVerdict.WouldEndAfter);

    [Test]
    public void PredictStartsABatchPredictedToEndExactlyAtTheDeadline() =>
        DeadlineRule.Check(Deadline, DeadlinePolicy.Predict, Deadline.AddMinutes(-30), Deadline).ShouldBe(DeadlineVerdict.Starts);
}
