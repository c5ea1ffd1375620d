using Cdt.Config;
using Cdt.Diagnostics;
using Cdt.Formats;
using Cdt.Yaml;
using NUnit.Framework;
using Shouldly;

namespace Cdt.Tests.Config;

public class ProcedureSettingsTests
{
    private const string Base = "inventory: fleet.yml\n";

    [Test]
    public void DefaultsAreTwoGroupsAndThreeRounds()
    {
        var config = ConfigLoader.LoadText("cdt.conf", Base, "/tmp");

        config.SecurityGroups.Groups.ShouldBe(2);
        config.SecurityGroups.UpTimeout.ShouldBe(TimeSpan.FromMinutes(45));
        config.ActivePassive.MaxRounds.ShouldBe(3);
        config.ActivePassive.Commands.Active.ShouldBeNull();
    }

    [Test]
    public void TheSectionsAreRead()
    {
        var config = ConfigLoader.LoadText("cdt.conf", Base + """
            security_groups:
              groups: 3
              up_timeout: 1h
            active_passive:
              max_rounds: 5
              sync_timeout: 10m
              commands:
                active: /opt/ha/bin/is-active
                reboot: shutdown -r now
            """, "/tmp");

        config.SecurityGroups.Groups.ShouldBe(3);
        config.SecurityGroups.UpTimeout.ShouldBe(TimeSpan.FromHours(1));
        config.ActivePassive.MaxRounds.ShouldBe(5);
        config.ActivePassive.SyncTimeout.ShouldBe(TimeSpan.FromMinutes(10));
        config.ActivePassive.Commands.Reboot.ShouldBe("shutdown -r now");
    }

    [TestCase("security_groups:\n  groups: 1\n", "cdt.conf:3:")]
    [TestCase("security_groups:\n  group: 2\n", "unknown setting 'group' in 'security_groups'")]
    [TestCase("active_passive:\n  commands:\n    switch: x\n", "unknown setting 'switch'")]
    public void MistakesAreReportedWithTheirLine(string section, string expected) =>
        string.Join("\n", Should.Throw<CdtInputException>(() => ConfigLoader.LoadText("cdt.conf", Base + section, "/tmp")).ToDisplayLines()).ShouldContain(expected);
}
