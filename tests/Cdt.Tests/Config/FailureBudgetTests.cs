using Cdt.Config;
using NUnit.Framework;
using Shouldly;

namespace Cdt.Tests.Config;

public class FailureBudgetTests
{
    [TestCase("3", 30, 3)]
    [TestCase("5%", 30, 2)]
    [TestCase("5%", 20, 1)]
    [TestCase("5%", 21, 2)]
    [TestCase("10%", 3, 1)]
    [TestCase("1%", 1, 1)]
    [TestCase("2.5%", 200, 5)]
    [TestCase("100%", 7, 7)]
    [TestCase(" 50 % ", 3, 2)]
    public void AShareIsRoundedUpAndIsAtLeastOneFailure(string text, int targets, int limit)
    {
        var budget = FailureBudget.TryParse(text);

        budget.ShouldNotBeNull();
        budget.Limit(targets).ShouldBe(limit);
    }

    [TestCase("0")]
    [TestCase("-1")]
    [TestCase("0%")]
    [TestCase("101%")]
    [TestCase("five")]
    [TestCase("5 percent")]
    [TestCase("%")]
    public void AnythingElseIsNotABudget(string text) => FailureBudget.TryParse(text).ShouldBeNull();

    [Test]
    public void AShareNamesWhatItWasWorkedOutFrom()
    {
        FailureBudget.OfPercent(5).Describe(30).ShouldBe("5% of 30 targets = 2");
        FailureBudget.Of(3).Describe(30).ShouldBe("3");
    }
}
