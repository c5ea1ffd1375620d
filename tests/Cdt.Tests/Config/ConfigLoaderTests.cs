using Cdt.Host;
using Cdt.Config;
using Cdt.Diagnostics;
using Cdt.Formats;
using Cdt.Yaml;
using Cdt.Tests.Support;
using NUnit.Framework;
using Shouldly;

namespace Cdt.Tests.Config;

public class ConfigLoaderTests
{
    private const string Minimal = """
        inventory: fleet.yml
        package:
          path: Check_Point_R81_20_JUMBO_HF_MAIN_Bundle_T92_FULL.tgz

        """;

    private static IEnumerable<TestCaseData> BadConfigs()
    {
        yield return Case("an unknown setting", Minimal + "batch_size: 5\n", "cdt.conf:4:1: unknown setting 'batch_size' in cdt.conf");
        yield return Case("an unknown package setting", Minimal.Replace("  path:", "  file: x.tgz\n  path:", StringComparison.Ordinal),
            "cdt.conf:3:3: unknown setting 'file' in 'package' (path, name, versions, type, target_version)");
        yield return Case("no inventory", "transport: simulator\n", "cdt.conf:1:1: missing 'inventory'");
        yield return Case("an unknown transport", Minimal + "transport: telnet\n", "cdt.conf:4:12: 'transport' must be one of simulator, ssh, openssh, management, not 'telnet'");
        yield return Case("a batch size of zero", Minimal + "generate:\n  batch_size: 0\n", "cdt.conf:5:15: 'batch_size' must be a whole number of at least 1, not '0'");
        yield return Case("a batch size that is not a number", Minimal + "generate:\n  batch_size: ten\n", "cdt.conf:5:15: 'batch_size' must be a whole number of at least 1, not 'ten'");
        yield return Case("an unknown batch policy", Minimal + "generate:\n  batch_policy: random\n", "cdt.conf:5:17: 'batch_policy' must be one of canary, fixed, single, not 'random'");
        yield return Case("probe that is not true or false", Minimal + "generate:\n  probe: maybe\n", "cdt.conf:5:10: 'probe' must be true or false, not 'maybe'");
        yield return Case("a package without versions it can tell", "inventory: fleet.yml\npackage:\n  path: hotfix.tgz\n",
            "cdt.conf:3:3: 'package' needs 'versions': the Gaia versions it applies to (cannot tell from the file name 'hotfix.tgz')");
        yield return Case("a bad version", Minimal + "  versions: [R81.20, 81.20]\n",
            "cdt.conf:4:13: '81.20' is not a Gaia version such as R81.20 or R82");
        yield return Case("a package without a path", "inventory: fleet.yml\npackage:\n  name: x\n", "cdt.conf:3:3: missing 'path'");
        yield return Case("a failure budget of no failures", Minimal + "execute:\n  stop_after_failures: 0%\n",
            "cdt.conf:5:24: 'stop_after_failures' must be a whole number of at least 1 or a share of the targets such as 5%, not '0%'");
        yield return Case("an approval gate after batch zero", Minimal + "execute:\n  approve_after: [1, 0]\n",
            "cdt.conf:5:22: 'approve_after' holds batch numbers after which the run waits for 'cdt approve' (whole numbers of at least 1, e.g. [1, 3]), not '0'");
        yield return Case("an approval gate that is not a number", Minimal + "execute:\n  approve_after: first\n",
            "cdt.conf:5:18: 'approve_after' holds batch numbers after which the run waits for 'cdt approve' (whole numbers of at least 1, e.g. [1, 3]), not 'first'");
        yield return Case("an approval gate that is a list", Minimal + "execute:\n  approve_after: [[1]]\n",
            "cdt.conf:5:19: 'approve_after' holds batch numbers after which the run waits for 'cdt approve' (whole numbers of at least 1, e.g. [1, 3]), not a list or mapping");
        yield return Case("a time scale below one", Minimal + "simulator:\n  time_scale: 0.5\n", "cdt.conf:5:15: 'time_scale' must be a number from 1 to 1000000, not '0.5'");
        yield return Case("a time scale past overflow", Minimal + "simulator:\n  time_scale: 1e308\n", "cdt.conf:5:15: 'time_scale' must be a number from 1 to 1000000, not '1e308'");
        yield return Case("a command time-out of zero", Minimal + "execute:\n  command_timeout: 0s\n", "cdt.conf:5:20: 'command_timeout' must be longer than 0s and at most 365d, not 0s");
        yield return Case("a poll interval of zero", Minimal + "execute:\n  poll_interval: 0s\n", "cdt.conf:5:18: 'poll_interval' must be longer than 0s and at most 365d, not 0s");
        yield return Case("a time-out past a year", Minimal + "execute:\n  install_timeout: 400d\n", "cdt.conf:5:20: 'install_timeout' must be longer than 0s and at most 365d, not 400d");
        yield return Case("a negative time-out", Minimal + "execute:\n  reboot_timeout: -5m\n", "cdt.conf:5:19: 'reboot_timeout' is not a duration: '-5m' (write e.g. 90s, 20m, 1h30m)");
        yield return Case("a sync time-out of zero", Minimal + "active_passive:\n  sync_timeout: 0m\n", "cdt.conf:5:17: 'sync_timeout' must be longer than 0s and at most 365d, not 0s");
        yield return Case("a list where a value belongs", Minimal + "connectivity_upgrade: [true]\n", "cdt.conf:4:23: 'connectivity_upgrade' must be a single value, not a list or mapping");
        yield return Case("a top level that is not a mapping", "- inventory: fleet.yml\n", "cdt.conf:1:1: expected a mapping of 'key: value' at the top level");
    }

    [TestCaseSource(nameof(BadConfigs))]
    public void AConfigMistakeIsReportedWithItsLineAndColumn(string yaml, string expected)
    {
        var e = Should.Throw<CdtInputException>(() => ConfigLoader.LoadText("cdt.conf", yaml, "/etc/cdt"));

        e.ToDisplayLines().ShouldBe([expected]);
    }

    [Test]
    public void ApprovalGatesAreReadSortedWithoutDuplicates()
    {
        var config = ConfigLoader.LoadText("cdt.conf", Minimal + "execute:\n  approve_after: [3, 1, 3]\n", "/etc/cdt");

        config.Execute.ApproveAfter.ShouldBe([1, 3]);
        ConfigLoader.LoadText("cdt.conf", Minimal, "/etc/cdt").Execute.ApproveAfter.ShouldBeEmpty();
    }

    [Test]
    public void RelativePathsAreRelativeToTheConfigFolder()
    {
        var config = ConfigLoader.LoadText("cdt.conf", Minimal + "pre_script:\n  path: scripts/pre.sh\n", "/etc/cdt");

        config.Inventory.ShouldBe("/etc/cdt/fleet.yml");
        config.Package!.Path.ShouldBe("/etc/cdt/Check_Point_R81_20_JUMBO_HF_MAIN_Bundle_T92_FULL.tgz");
        config.Package.Versions.ShouldBe(["R81.20"]);
        config.PreScript!.Path.ShouldBe("/etc/cdt/scripts/pre.sh");
    }

    [Test]
    public void DefaultsApplyWhenASectionIsLeftOut()
    {
        var config = ConfigLoader.LoadText("cdt.conf", Minimal, "/etc/cdt");

        config.Generate.ShouldBe(new GenerateSettings { Probe = true, Policy = BatchPolicy.Canary, BatchSize = 10 });
        config.Transport.ShouldBe(TransportKind.Simulator);
        config.Package!.Name.ShouldBe("Check_Point_R81_20_JUMBO_HF_MAIN_Bundle_T92_FULL.tgz");
    }

    [Test]
    public void TheSampleConfigurationLoadsAsShipped()
    {
        var config = ConfigLoader.Load(LocalFileStore.Instance, TestPaths.Repo("cdt.conf.sample"));

        config.Inventory.ShouldBe(TestPaths.Repo("config/fleet.sample.yml"));
        config.Package!.Name.ShouldBe("R81.20 Jumbo Hotfix Accumulator General Availability (Take 92)");
        config.Generate.ShouldBe(new GenerateSettings { Probe = true, Policy = BatchPolicy.Canary, BatchSize = 10 });
        ConfigLoader.EmbeddedSample().ShouldBe(File.ReadAllText(TestPaths.Repo("cdt.conf.sample")));
    }

    [Test]
    public void AMissingConfigFileSaysWhatToDo()
    {
        var e = Should.Throw<CdtInputException>(() => ConfigLoader.Load(LocalFileStore.Instance, "/nonexistent/cdt.conf"));

        e.ToDisplayLine().ShouldBe("/nonexistent/cdt.conf: configuration file not found: copy cdt.conf.sample to cdt.conf, or pass --config PATH");
    }

    private static TestCaseData Case(string name, string yaml, string expected) => new TestCaseData(yaml, expected).SetName($"{{m}}({name})");
}
