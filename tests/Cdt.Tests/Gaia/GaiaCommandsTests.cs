using Cdt.Fleet;
using Cdt.Gaia;
using Cdt.Transport;
using NUnit.Framework;
using Shouldly;

namespace Cdt.Tests.Gaia;

public class GaiaCommandsTests
{
    private const string Name = "R81.20 Jumbo Hotfix Accumulator General Availability (Take 92)";
    private static readonly Target Expert = new() { Name = "gw", Host = "10.0.0.1" };
    private static readonly Target Clish = Expert with { Shell = LoginShell.Clish };
    private static readonly Target Vsx = Expert with { Vsx = true };

    [Test]
    public void ClishCommandsGoThroughClishDashCFromExpertAndPlainFromClish()
    {
        GaiaCommands.ShowPackages(Expert, PackageListing.Imported).ShouldBe("clish -c 'show installer packages imported'");
        GaiaCommands.ShowPackages(Clish, PackageListing.Imported).ShouldBe("show installer packages imported");
    }

    [Test]
    public void ConfigurationChangesTakeTheClishLockFirstWithoutRedirections()
    {
        GaiaCommands.Install(Expert, Name).ShouldBe($"clish -c 'lock database override'; clish -c 'installer install \"{Name}\" not-interactive'");
        GaiaCommands.Import(Expert, "Check_Point_R81_20_JUMBO_HF_MAIN_Bundle_T92_FULL.tgz")
            .ShouldBe("clish -c 'lock database override'; clish -c 'installer import local /var/log/upload/Check_Point_R81_20_JUMBO_HF_MAIN_Bundle_T92_FULL.tgz not-interactive'");
    }

    [Test]
    public void ExpertCommandsRunInTheVs0ContextOnVsx()
    {
        GaiaCommands.ClusterState(Vsx).ShouldBe("vsenv 0 && cphaprob state");
        GaiaCommands.ClusterAdmin(Vsx, up: false).ShouldBe("vsenv 0 && clusterXL_admin down");
        GaiaCommands.ClusterState(Expert).ShouldBe("cphaprob state");
        GaiaCommands.ClusterState(Clish).ShouldBe("show cluster state");
    }

    [Test]
    public void PathsAreQuotedAndTheChecksumNeedsNoContext() =>
        GaiaCommands.Md5(Vsx, "/var/log/upload/pkg.tgz").ShouldBe("md5sum '/var/log/upload/pkg.tgz'");

    [Test]
    public void NoCommandCarriesARedirection()
    {
        Target[] targets = [Expert, Clish, Vsx];
        var lines = targets.SelectMany(t => new[]
        {
            GaiaCommands.Install(t, Name), GaiaCommands.Verify(t, Name), GaiaCommands.Uninstall(t, Name), GaiaCommands.Upgrade(t, Name),
            GaiaCommands.ShowPackage(t, Name), GaiaCommands.Snapshot(t, "pre_jhf", "before JHF"), GaiaCommands.ClusterState(t),
            GaiaCommands.ClusterAdmin(t, true), GaiaCommands.VrrpState(t), GaiaCommands.Version(t), GaiaCommands.Reboot(t),
        });

        lines.ShouldAllBe(l => !l.Contains('>') && !l.Contains('<') && !l.Contains('`') && !l.Contains('$'));
    }

    [TestCase("pkg; rm -rf /")]
    [TestCase("pkg`id`")]
    [TestCase("pkg$(id)")]
    [TestCase("pkg' x '")]
    [TestCase("pkg\nreboot")]
    [TestCase("pkg\" && reboot \"")]
    public void ShellSyntaxInAPackageNameIsRefusedBeforeAnythingIsBuilt(string name)
    {
        var e = Should.Throw<UnsafeValueException>(() => GaiaCommands.Install(Expert, name));

        e.Message.ShouldContain("has characters cdt never sends to a gateway");
        e.Message.ShouldNotContain("\n");
    }

    [TestCase("/var/log/upload/../../etc/shadow")]
    [TestCase("var/log/upload/pkg.tgz")]
    [TestCase("/var/log/upload/pkg tgz")]
    [TestCase("/var/log/upload/$(id)")]
    public void ARemotePathMustBeAbsoluteAndPlain(string path) =>
        Should.Throw<UnsafeValueException>(() => GaiaCommands.Md5(Expert, path));
}
