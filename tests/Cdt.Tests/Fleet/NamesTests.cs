using Cdt.Fleet;
using NUnit.Framework;
using Shouldly;

namespace Cdt.Tests.Fleet;

public class NamesTests
{
    [TestCase("gw-paris-01")]
    [TestCase("GW_1.dmz")]
    [TestCase("9")]
    public void AnObjectNameOfLettersDigitsDotsDashesAndUnderscoresIsAccepted(string name) => Names.IsObjectName(name).ShouldBeTrue();

    [TestCase("")]
    [TestCase("-gw")]
    [TestCase(".gw")]
    [TestCase("gw;rm -rf /")]
    [TestCase("gw$(id)")]
    [TestCase("gw`id`")]
    [TestCase("gw|cat")]
    [TestCase("gw&")]
    [TestCase("gw>x")]
    [TestCase("gw 1")]
    [TestCase("gw'1")]
    [TestCase("gw\"1")]
    [TestCase("gw\n")]
    [TestCase("gw\nreboot")]
    [TestCase("gwé")]
    public void AnObjectNameWithAnythingElseIsRefused(string name) => Names.IsObjectName(name).ShouldBeFalse();

    [Test]
    public void AnObjectNameIsAtMostOneHundredCharacters()
    {
        Names.IsObjectName(new string('a', 100)).ShouldBeTrue();
        Names.IsObjectName(new string('a', 101)).ShouldBeFalse();
    }

    [TestCase("10.1.1.1")]
    [TestCase("0.0.0.0")]
    [TestCase("255.255.255.255")]
    [TestCase("fd00::1")]
    [TestCase("::1")]
    [TestCase("2001:db8::10.1.1.1")]
    public void AnIpAddressIsAccepted(string ip) => Names.IsIp(ip).ShouldBeTrue();

    [TestCase("10.1.1")]
    [TestCase("10.1")]
    [TestCase("1")]
    [TestCase("0x0a.1.1.1")]
    [TestCase("010.1.1.1")]
    [TestCase("256.1.1.1")]
    [TestCase("10.1.1.1 ")]
    [TestCase("10.1.1.1\n")]
    [TestCase("10.1.1.1;id")]
    [TestCase("fe80::1%eth0")]
    [TestCase("gw-01")]
    [TestCase("")]
    public void AnythingElseIsNotAnIpAddress(string ip) => Names.IsIp(ip).ShouldBeFalse();

    [TestCase("R81.20", true)]
    [TestCase("R82", true)]
    [TestCase("R80.40", true)]
    [TestCase("r81.20", false)]
    [TestCase("R81.20\n", false)]
    [TestCase("R81.20;id", false)]
    [TestCase("R8", false)]
    [TestCase("81.20", false)]
    public void GaiaVersionsHaveOneShape(string version, bool valid) => Names.IsVersion(version).ShouldBe(valid);
}
