using Cdt.Gaia;
using NUnit.Framework;
using Shouldly;

namespace Cdt.Tests.Gaia;

public class AutoCloneParserTests
{
    [TestCase("auto-clone state: on\n", "on")]
    [TestCase("SMO image auto-clone state: off\n", "off")]
    [TestCase("1_01:\nauto-clone state: on\n\n1_02:\nauto-clone state: on\n", "on")]
    [TestCase("Image auto-clone state   Enabled\n", "on")]
    [TestCase("CLINFR0771  Config lock is owned by admin.\nauto-clone state: disabled\n", "off")]
    public void TheStateIsReadWhateverTheLayout(string output, string expected) =>
        AutoCloneParser.Parse(output).Value.ShouldBe(expected);

    [Test]
    public void MembersThatDisagreeAreAFailure() =>
        AutoCloneParser.Parse("1_1:\nauto-clone state: on\n1_2:\nauto-clone state: off\n").Error!.ShouldStartWith("members disagree");

    [TestCase("")]
    [TestCase("CLINFR0409  Invalid command:'show smo image auto-clone state'.")]
    public void NoStateIsAFailure(string output) =>
        AutoCloneParser.Parse(output).Ok.ShouldBeFalse();
}
