using Cdt.Config;
using Cdt.Diagnostics;
using Cdt.Formats;
using Cdt.Yaml;
using NUnit.Framework;
using Shouldly;

namespace Cdt.Tests.Config;

public class RemoteValueRulesTests
{
    private static CdtConfig Load(string text) => ConfigLoader.LoadText("/etc/cdt/cdt.conf", "inventory: fleet.yml\n" + text, "/etc/cdt");

    [TestCase("name: \"x'; touch /tmp/canary; '\"", "package name 'x'; touch /tmp/canary; '' has characters cdt never sends")]
    [TestCase("name: \"T92 $(reboot)\"", "package name 'T92 $(reboot)'")]
    [TestCase("name: \"T92 `reboot`\"", "package name 'T92 `reboot`'")]
    [TestCase("name: \"T92\\nreboot\"", "package name 'T92\\x0areboot'")]
    public void APackageNameWithShellSyntaxIsRefusedWithItsLine(string nameLine, string message)
    {
        var e = Should.Throw<CdtInputException>(() => Load($"package:\n  path: pkg_R81_20_.tgz\n  {nameLine}\n  versions: [R81.20]\n"));

        e.ToDisplayLines().ShouldContain(l => l.StartsWith("/etc/cdt/cdt.conf:4:", StringComparison.Ordinal) && l.Contains(message, StringComparison.Ordinal));
    }

    [Test]
    public void APackageFileNameWithShellSyntaxIsRefused()
    {
        var e = Should.Throw<CdtInputException>(() => Load("package:\n  path: \"pkg;reboot.tgz\"\n  versions: [R81.20]\n"));

        e.ToDisplayLines().ShouldContain(l => l.Contains("package file name 'pkg;reboot.tgz' has characters cdt never sends", StringComparison.Ordinal));
    }

    [Test]
    public void ScriptArgumentsWithShellSyntaxAreRefused()
    {
        var e = Should.Throw<CdtInputException>(() => Load("pre_script:\n  path: scripts/pre.sh\n  arguments: [--check, \"; rm -rf /\"]\n"));

        e.ToDisplayLines().ShouldContain(l => l.StartsWith("/etc/cdt/cdt.conf:4:", StringComparison.Ordinal) && l.Contains("script argument '; rm -rf /'", StringComparison.Ordinal));
    }

    [Test]
    public void PlainValuesPass()
    {
        var config = Load("package:\n  path: Check_Point_R81_20_JUMBO_HF_MAIN_Bundle_T92_FULL.tgz\n  name: R81.20 Jumbo Hotfix Accumulator General Availability (Take 92)\npre_script:\n  path: pre.sh\n  arguments: [--min-free=2G, /var/log]\n");

        config.Package!.Name.ShouldBe("R81.20 Jumbo Hotfix Accumulator General Availability (Take 92)");
        config.PreScript!.Arguments.ShouldBe(["--min-free=2G", "/var/log"]);
    }
}
