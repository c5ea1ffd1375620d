using Cdt.Host;
using Cdt.Plans;
using Cdt.Tests.Support;
using NUnit.Framework;
using Shouldly;

namespace Cdt.Tests.Plans;

public class PlanConvertTests
{
    private const string EveryAction = """
        <?xml version="1.0" encoding="UTF-8"?>
        <CDT_Deployment_Plan>
          <plan_settings>
            <name value="Every action: 100% covered"/>
            <description value="name: with a colon # and a hash"/>
            <connectivityupgrade value="false"/>
          </plan_settings>
          <!-- first line
               second line -->
          <create_snapshot name="pre" description="before, all of it" iscritical="false" timeout="45m" retries="1"/>
          <send_package path="/opt/pkgs/Check_Point_R81_20_JUMBO_HF_MAIN_Bundle_T92_FULL.tgz" versions="R81.20,R81.10"/>
          <import_package path="pkgs/p.tgz" name="Hotfix: One, Two" versions="R82"/>
          <verify_package path="pkgs/p.tgz"/>
          <install_package path="pkgs/p.tgz" timeout="2h"/>
          <upgrade_package path="Check_Point_R82_T777_Fresh_Install_and_Upgrade.tgz" timeout="3h30m"/>
          <download_from_cloud path="pkgs/q.tgz" name="true"/>
          <uninstall_cpuse_package filename="/home/admin/old.tgz"/>
          <uninstall_package name="Old Hotfix" path="old.tgz"/>
          <execute_command command="clish -c &quot;show version all&quot;"/>
          <execute_script path="scripts/s.sh" arguments="--a 1 --b=x"/>
          <push_file local="files/motd.txt" remote="/etc/"/>
          <pull_file remote="/var/log/messages" iscritical="false"/>
          <reboot timeout="20m"/>
          <wait_for command="cpwd_admin list" output="FWK" exit_code="0" interval="1m"/>
          <log message="done: 100%"/>
          <send_email to="a@example.com, b@example.com" subject="Done" body="Line one" retries="2"/>
        </CDT_Deployment_Plan>
        """;

    [Test]
    public async Task TheCommittedYamlOfTheCdtExampleIsWhatConvertPrints()
    {
        var outcome = await CliRunner.RunAsync(TestPaths.RepoRoot, "plan", "convert", "plans/cdt-example.xml");

        outcome.ExitCode.ShouldBe(0, outcome.Error);
        outcome.Out.ShouldBe(File.ReadAllText(TestPaths.Repo("plans/cdt-example.yml")),
            "plans/cdt-example.yml is out of date: run 'cdt plan convert plans/cdt-example.xml > plans/cdt-example.yml'");
    }

    [Test]
    public async Task EveryActionAndAttributeConvertsToTheApprovedYaml()
    {
        using var temp = new TempFolder();
        temp.Write("every.xml", EveryAction);

        var outcome = await CliRunner.RunAsync(temp.Path, "plan", "convert", "every.xml");

        outcome.ExitCode.ShouldBe(0, outcome.Error);
        outcome.Out.ShouldMatchGolden("converted.every-action");
    }

    [Test]
    public void TheConvertedYamlMeansExactlyWhatTheXmlMeant()
    {
        using var temp = new TempFolder();
        var xml = PlanLoader.Load(LocalFileStore.Instance, temp.Write("every.xml", EveryAction));
        var yamlPath = temp.Write("every.yml", PlanYamlWriter.Write(xml));

        var yaml = PlanLoader.Load(LocalFileStore.Instance, yamlPath);

        PlanDump.Render(yaml, positions: false).ShouldBe(PlanDump.Render(xml, positions: false));
    }

    [Test]
    public async Task ConvertRefusesAPlanThatIsAlreadyYaml()
    {
        var outcome = await CliRunner.RunAsync(TestPaths.RepoRoot, "plan", "convert", "plans/jhf-install.yml");

        outcome.ExitCode.ShouldBe(2);
        outcome.Out.ShouldBeEmpty();
        outcome.Error.ShouldBe(TestPaths.Repo("plans/jhf-install.yml") + ": this is already a YAML plan: convert reads CDT XML plans (<CDT_Deployment_Plan>)" + Environment.NewLine);
    }

    [Test]
    public async Task ConvertReportsEveryStructuralProblemOfTheXml()
    {
        using var temp = new TempFolder();
        temp.Write("bad.xml", "<CDT_Deployment_Plan>\n  <reboot iscritical=\"maybe\"/>\n  <nap/>\n</CDT_Deployment_Plan>\n");

        var outcome = await CliRunner.RunAsync(temp.Path, "plan", "convert", "bad.xml");

        outcome.ExitCode.ShouldBe(2);
        outcome.Error.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(2);
    }
}
