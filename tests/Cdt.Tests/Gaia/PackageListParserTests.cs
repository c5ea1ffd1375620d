using Cdt.Gaia;
using NUnit.Framework;
using Shouldly;

namespace Cdt.Tests.Gaia;

public class PackageListParserTests
{
    [Test]
    public void ReadsTheImportedListBehindItsBannerLinesWithFileAndDisplayNames()
    {
        const string output = """
            **              Connection error. Packages list might be incomplete           **
            **                                 Hotfixes                                   **
            Display name                                                                     Type
            Check_Point_R82_10_ga_time_fix_main_Bundle_T9_FULL.tgz                           Hotfix
            R82.10 Jumbo Hotfix Accumulator Take 19                                          Hotfix
            Check_Point_R82_10_jumbo_hf_main_Bundle_T36_FULL.tgz                             Hotfix
            """;

        var parsed = PackageListParser.Parse(output);

        parsed.Ok.ShouldBeTrue();
        parsed.Value!.Select(p => p.Name).ShouldBe([
            "Check_Point_R82_10_ga_time_fix_main_Bundle_T9_FULL.tgz",
            "R82.10 Jumbo Hotfix Accumulator Take 19",
            "Check_Point_R82_10_jumbo_hf_main_Bundle_T36_FULL.tgz",
        ]);
        parsed.Value!.ShouldAllBe(p => p.Type == "Hotfix");
    }

    [Test]
    public void ReadsTheStatusColumnOfTheFullListing()
    {
        const string output = """
            **                                 Hotfixes                                   **
            Display name                                                                     Type          Status
            R81.20 Jumbo Hotfix Accumulator General Availability (Take 89)                   Hotfix        Installed
            R81.20 Jumbo Hotfix Accumulator General Availability (Take 92)                   Hotfix        Available for Install
            Check_Point_R81_20_ga_time_fix_Bundle_T3_FULL.tgz                                Hotfix        Installed as part of
            """;

        var packages = PackageListParser.Parse(output).Value!;

        packages.Select(p => p.Status).ShouldBe(["Installed", "Available for Install", "Installed as part of"]);
        packages[1].Name.ShouldBe("R81.20 Jumbo Hotfix Accumulator General Availability (Take 92)");
    }

    [Test]
    public void AnEmptyListIsAnEmptyListNotAnError()
    {
        var parsed = PackageListParser.Parse("There are no imported packages\n");

        parsed.Ok.ShouldBeTrue();
        parsed.Value.ShouldBeEmpty();
    }

    [Test]
    public void TheConfigurationLockLineMixedIntoTheOutputIsSkipped()
    {
        const string output = """
            CLINFR0771  Config lock is owned by admin. Use 'lock database override' to acquire the lock.
            Display name                                                                     Type
            R81.20 Jumbo Hotfix Accumulator General Availability (Take 92)                   Hotfix
            """;

        PackageListParser.Parse(output).Value!.Single().Name.ShouldBe("R81.20 Jumbo Hotfix Accumulator General Availability (Take 92)");
    }

    [TestCase("")]
    [TestCase("\u001b[?1034h#$%&*! Segmentation fault (core dumped)\n@@@\n")]
    [TestCase("CLINFR0409  Invalid command:'show installer packages imported'.")]
    [TestCase("bash: clish: command not found")]
    public void OutputWithoutTheHeaderIsAClearErrorNotACrash(string output)
    {
        var parsed = PackageListParser.Parse(output);

        parsed.Ok.ShouldBeFalse();
        parsed.Error.ShouldStartWith("unexpected output from 'show installer packages' (no 'Display name' header)");
    }

    [Test]
    public void FindsAPackageByItsCpuseNameOrElseByItsFileName()
    {
        IReadOnlyList<InstallerPackage> list = [new("Check_Point_R81_20_JUMBO_HF_MAIN_Bundle_T92_FULL.tgz", "Hotfix", null), new("Other", "Hotfix", null)];

        PackageListParser.Find(list, "R81.20 Take 92", "Check_Point_R81_20_JUMBO_HF_MAIN_Bundle_T92_FULL.tgz")!.Name.ShouldBe("Check_Point_R81_20_JUMBO_HF_MAIN_Bundle_T92_FULL.tgz");
        PackageListParser.Find(list, "other", null)!.Name.ShouldBe("Other");
        PackageListParser.Find(list, "R81.20 Take 92", "missing.tgz").ShouldBeNull();
    }
}
