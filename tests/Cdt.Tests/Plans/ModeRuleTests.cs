using Cdt.Host;
using Cdt.Cli;
using Cdt.Config;
using Cdt.Diagnostics;
using Cdt.Formats;
using Cdt.Yaml;
using Cdt.Tests.Support;
using NUnit.Framework;
using Shouldly;

namespace Cdt.Tests.Plans;

/// <summary>CDT's rule: a package in cdt.conf is Basic mode, a plan is Advanced mode, both is an error naming both.</summary>
public class ModeRuleTests
{
    private const string Package = """
        package:
          path: Check_Point_R81_20_JUMBO_HF_MAIN_Bundle_T92_FULL.tgz
          versions: [R81.20]
        """;

    private const string Plan = """
        actions:
          - action: create_snapshot
            name: before
          - action: upgrade_package
            path: Check_Point_R82_T777_Fresh_Install_and_Upgrade.tgz
            versions: [R81.20]
        """;

    [Test]
    public void APackageInTheConfigMeansBasicMode()
    {
        using var temp = new TempFolder();
        var config = Config(temp, "inventory: fleet.yml\n" + Package);

        var (package, mode, _) = Settings.ResolvePackage(LocalFileStore.Instance, config, planPath: null);

        mode.ShouldBe("basic");
        package.FileName.ShouldBe("Check_Point_R81_20_JUMBO_HF_MAIN_Bundle_T92_FULL.tgz");
    }

    [Test]
    public void APlanMeansAdvancedModeWithItsFirstPackage()
    {
        using var temp = new TempFolder();
        var config = Config(temp, "inventory: fleet.yml\n");

        var (package, mode, _) = Settings.ResolvePackage(LocalFileStore.Instance, config, temp.Write("plan.yml", Plan));

        mode.ShouldBe("advanced");
        package.FileName.ShouldBe("Check_Point_R82_T777_Fresh_Install_and_Upgrade.tgz");
        package.Kind.ShouldBe(PackageKind.Upgrade);
        package.Versions.ShouldBe(["R81.20"]);
        package.TargetVersion.ShouldBe("R82");
    }

    [Test]
    public void APackageAndAPlanTogetherIsAnErrorNamingBothPlaces()
    {
        using var temp = new TempFolder();
        var config = Config(temp, "inventory: fleet.yml\n" + Package);
        var plan = temp.Write("plan.yml", Plan);

        var e = Should.Throw<CdtInputException>(() => Settings.ResolvePackage(LocalFileStore.Instance, config, plan));

        e.ToDisplayLine().ShouldBe($"{config.Source}: defines 'package' (Basic mode) and --plan {plan} was given (Advanced mode): use one of them; remove 'package' from cdt.conf to run the plan");
    }

    [Test]
    public void NeitherAPackageNorAPlanIsAnErrorSayingWhatToAdd()
    {
        using var temp = new TempFolder();
        var config = Config(temp, "inventory: fleet.yml\n");

        var e = Should.Throw<CdtInputException>(() => Settings.ResolvePackage(LocalFileStore.Instance, config, planPath: null));

        e.ToDisplayLine().ShouldBe($"{config.Source}: no package to install: add a 'package' section (Basic mode) or pass --plan PLAN (Advanced mode)");
    }

    [TestCase("generate", "--candidates", "list.csv", "--plan", "plan.yml")]
    [TestCase("-generate", "-candidates=list.csv", "-deploymentplan=plan.yml")]
    public async Task GenerateWithBothModesExitsTwoAndWritesNothing(params string[] args)
    {
        using var temp = new TempFolder();
        temp.Write("cdt.conf", "inventory: fleet.yml\n" + Package);
        temp.Write("plan.yml", Plan);

        var outcome = await CliRunner.RunAsync(temp.Path, args);

        outcome.ExitCode.ShouldBe(2);
        outcome.Error.ShouldContain("defines 'package' (Basic mode) and --plan " + temp.File("plan.yml") + " was given (Advanced mode)");
        File.Exists(temp.File("list.csv")).ShouldBeFalse();
    }

    [Test]
    public async Task GenerateWithABrokenPlanReportsEveryProblemOfIt()
    {
        using var temp = new TempFolder();
        temp.Write("cdt.conf", "inventory: fleet.yml\n");
        temp.Write("plan.yml", "actions:\n  - action: install_package\n  - action: reboot\n    retries: lots\n");

        var outcome = await CliRunner.RunAsync(temp.Path, "generate", "--candidates", "list.csv", "--plan", "plan.yml");

        outcome.ExitCode.ShouldBe(2);
        outcome.Error.ShouldBe($"""
            {temp.File("plan.yml")}:2:5: install_package: missing 'path'
            {temp.File("plan.yml")}:4:14: reboot: 'retries' must be a whole number from 0 to 10, not 'lots'

            """.ReplaceLineEndings());
    }

    private static CdtConfig Config(TempFolder temp, string text) =>
        ConfigLoader.Load(LocalFileStore.Instance, temp.Write("cdt.conf", text));
}
