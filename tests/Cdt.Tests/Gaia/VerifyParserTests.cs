using Cdt.Gaia;
using NUnit.Framework;
using Shouldly;

namespace Cdt.Tests.Gaia;

public class VerifyParserTests
{
    [TestCase("Interactive mode is disabled, verify will be performed without prompting\nVerifier results: Installation is allowed.\n")]
    [TestCase("CLINFR0771  Config lock is owned by admin. Use 'lock database override' to acquire the lock.\nResult: Installation is allowed.\n")]
    [TestCase("Verifier results: Upgrade is allowed.\n")]
    public void AllowedIsAllowed(string output)
    {
        var verdict = VerifyParser.Parse(output).Value!;

        verdict.Allowed.ShouldBeTrue();
    }

    [TestCase("Verifier results: Installation is not allowed. Reason: Not enough free disk space.\n", "Installation is not allowed")]
    [TestCase("Result: Installation is not supported on this platform\n", "is not supported")]
    [TestCase("Error: not enough free disk space in /var/log\n", "not enough free disk space")]
    public void ARefusalCarriesItsReason(string output, string reason)
    {
        var verdict = VerifyParser.Parse(output).Value!;

        verdict.Allowed.ShouldBeFalse();
        verdict.Text.ShouldContain(reason);
    }

    [TestCase("", "(no output)")]
    [TestCase("Verifying...\nPlease update to the latest deployment agent\n", "Please update to the latest deployment agent")]
    public void AnAnswerWithNeitherIsAClearErrorQuotingItsLastLine(string output, string quoted) =>
        VerifyParser.Parse(output).Error.ShouldBe("unexpected answer from 'installer verify': " + quoted);
}
