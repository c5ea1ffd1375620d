using Cdt.Host;
using Cdt.Diagnostics;
using Cdt.Formats;
using Cdt.Yaml;
using Cdt.Plans;
using Cdt.Tests.Support;
using NUnit.Framework;
using Shouldly;

namespace Cdt.Tests.Plans;

public class PlanReaderTests
{
    public static readonly string[] SamplePlans =
    [
        "plans/jhf-install.yml",
        "plans/hotfix-uninstall.yml",
        "plans/maintenance.yml",
        "plans/cdt-example.xml",
        "plans/cdt-example.yml",
        "deployment-plan.sample.yml",
    ];

    [TestCaseSource(nameof(SamplePlans))]
    public void EachSamplePlanParsesToTheApprovedModel(string relative)
    {
        var plan = PlanLoader.Load(LocalFileStore.Instance, TestPaths.Repo(relative));

        PlanDump.Render(plan).ShouldMatchGolden("parsed." + Path.GetFileName(relative));
    }

    [TestCaseSource(nameof(SamplePlans))]
    public void EachSamplePlanPassesTheCheck(string relative)
    {
        var plan = PlanLoader.Load(LocalFileStore.Instance, TestPaths.Repo(relative));

        PlanChecker.Check(LocalFileStore.Instance, plan).ShouldBeEmpty();
    }

    [Test]
    public void YamlPlansDefaultToNoAgentUpdateAndNoConnectivityUpgrade()
    {
        using var temp = new TempFolder();
        var path = temp.Write("p.yml", "actions:\n  - action: reboot\n");

        var plan = PlanLoader.Load(LocalFileStore.Instance, path);

        plan.Settings.ShouldBe(new PlanSettings { UpdateCpuse = false, ConnectivityUpgrade = false });
        plan.Actions.Single().ShouldBeOfType<RebootAction>().Critical.ShouldBeTrue();
    }

    [Test]
    public void XmlPlansKeepCdtsDefaultsOfTrueForAgentUpdateAndConnectivityUpgrade()
    {
        using var temp = new TempFolder();
        var path = temp.Write("p.xml", "<CDT_Deployment_Plan><reboot/></CDT_Deployment_Plan>");

        var plan = PlanLoader.Load(LocalFileStore.Instance, path);

        plan.Format.ShouldBe(PlanFormat.CdtXml);
        plan.Settings.ShouldBe(new PlanSettings { UpdateCpuse = true, ConnectivityUpgrade = true });
    }

    [Test]
    public void XmlIsCriticalFalseAndTheUninstallCpusePackageSpellingAreRead()
    {
        using var temp = new TempFolder();
        var path = temp.Write("p.xml", """
            <CDT_Deployment_Plan>
              <uninstall_cpuse_package filename="/home/admin/Check_Point_R81_20_JUMBO_HF_MAIN_Bundle_T89_FULL.tgz" iscritical="false"/>
            </CDT_Deployment_Plan>
            """);

        var action = PlanLoader.Load(LocalFileStore.Instance, path).Actions.Single().ShouldBeOfType<UninstallPackageAction>();

        action.Critical.ShouldBeFalse();
        action.PackageName.ShouldBe("Check_Point_R81_20_JUMBO_HF_MAIN_Bundle_T89_FULL.tgz");
        action.PositionOf("path").ShouldBe(new PlanPosition(2, 28));
    }

    [Test]
    public void RelativePathsAreResolvedAgainstThePlansFolderAndKeptAsWritten()
    {
        using var temp = new TempFolder();
        var path = temp.Write("sub/p.yml", "actions:\n  - action: send_package\n    path: ../pkgs/Check_Point_R82_JHF_T91.tgz\n");

        var action = PlanLoader.Load(LocalFileStore.Instance, path).Actions.Single().ShouldBeOfType<SendPackageAction>();

        action.File.Written.ShouldBe("../pkgs/Check_Point_R82_JHF_T91.tgz");
        action.File.FullPath.ShouldBe(Path.Combine(temp.Path, "pkgs", "Check_Point_R82_JHF_T91.tgz"));
    }

    [Test]
    public void TheFirstPackageActionDecidesEligibilityWithVersionsReadFromTheFileName()
    {
        using var temp = new TempFolder();
        var path = temp.Write("p.yml", """
            actions:
              - action: execute_command
                command: fw ver
              - action: install_package
                path: Check_Point_R81_20_JUMBO_HF_MAIN_Bundle_T92_FULL.tgz
              - action: upgrade_package
                path: Check_Point_R82_T777_Fresh_Install_and_Upgrade.tgz
                versions: [R81.20]
            """);

        var spec = PlanLoader.Load(LocalFileStore.Instance, path).RequireFirstPackage();

        spec.FileName.ShouldBe("Check_Point_R81_20_JUMBO_HF_MAIN_Bundle_T92_FULL.tgz");
        spec.Versions.ShouldBe(["R81.20"]);
        spec.Kind.ShouldBe(Cdt.Config.PackageKind.Hotfix);
    }

    [Test]
    public void AnUpgradeAppliesToTheVersionsWrittenAndUpgradesToTheOneInItsFileName()
    {
        using var temp = new TempFolder();
        var path = temp.Write("p.yml", "actions:\n  - action: upgrade_package\n    path: Check_Point_R82_T777_Fresh_Install_and_Upgrade.tgz\n    versions: [R81.10, R81.20]\n");

        var spec = PlanLoader.Load(LocalFileStore.Instance, path).RequireFirstPackage();

        spec.Kind.ShouldBe(Cdt.Config.PackageKind.Upgrade);
        spec.Versions.ShouldBe(["R81.10", "R81.20"]);
        spec.TargetVersion.ShouldBe("R82");
    }

    [Test]
    public void APlanWithoutPackageActionCannotDecideEligibility()
    {
        using var temp = new TempFolder();
        var path = temp.Write("p.yml", "actions:\n  - action: reboot\n");

        var e = Should.Throw<CdtInputException>(() => PlanLoader.Load(LocalFileStore.Instance, path).RequireFirstPackage());

        e.ToDisplayLine().ShouldBe(path + ":1:1: the plan has no package action (send_package, import_package, verify_package, install_package, upgrade_package, download_from_cloud): generate needs one to decide eligibility");
    }

    [Test]
    public void AListIsForThePlansFirstInstallElseForItsFirstUninstallElseThereIsNone()
    {
        using var temp = new TempFolder();
        var both = temp.Write("both.yml", "actions:\n  - action: uninstall_package\n    name: Old Take\n  - action: install_package\n    path: Check_Point_R81_20_JUMBO_HF_MAIN_Bundle_T92_FULL.tgz\n");
        var removal = temp.Write("removal.yml", "actions:\n  - action: uninstall_package\n    name: Old Take\n");
        var none = temp.Write("none.yml", "actions:\n  - action: reboot\n");

        var (install, installRemoves) = PlanLoader.Load(LocalFileStore.Instance, both).RequireListPackage();
        var (old, oldRemoves) = PlanLoader.Load(LocalFileStore.Instance, removal).RequireListPackage();
        var e = Should.Throw<CdtInputException>(() => PlanLoader.Load(LocalFileStore.Instance, none).RequireListPackage());

        (install.FileName, installRemoves).ShouldBe(("Check_Point_R81_20_JUMBO_HF_MAIN_Bundle_T92_FULL.tgz", false));
        (old.Name, oldRemoves).ShouldBe(("Old Take", true));
        e.ToDisplayLine().ShouldEndWith("download_from_cloud, uninstall_package): generate needs one to decide eligibility");
    }

    [Test]
    public void AFirstPackageWhoseVersionsCannotBeGuessedNeedsVersionsAtItsPath()
    {
        using var temp = new TempFolder();
        var path = temp.Write("p.yml", "actions:\n  - action: install_package\n    path: hotfix.tgz\n");

        var e = Should.Throw<CdtInputException>(() => PlanLoader.Load(LocalFileStore.Instance, path).RequireFirstPackage());

        e.ToDisplayLine().ShouldBe(path + ":3:11: install_package: add 'versions' (cannot tell which Gaia versions 'hotfix.tgz' applies to from its name)");
    }

    [Test]
    public void LoadThrowsEveryStructuralProblemAtOnce()
    {
        using var temp = new TempFolder();
        var path = temp.Write("p.yml", "actions:\n  - action: reboot\n    timeout: soon\n  - action: nap\n");

        var e = Should.Throw<CdtInputException>(() => PlanLoader.Load(LocalFileStore.Instance, path));

        e.Diagnostics.Count.ShouldBe(2);
    }

    [Test]
    public void AMissingPlanFileIsABadInputNamingThePath()
    {
        var e = Should.Throw<CdtInputException>(() => PlanLoader.Load(LocalFileStore.Instance, "/nonexistent/plan.yml"));

        e.ToDisplayLine().ShouldBe("/nonexistent/plan.yml: deployment plan not found");
    }
}
