using Cdt.Config;
using Cdt.Diagnostics;
using NUnit.Framework;
using Shouldly;

namespace Cdt.Tests.Config;

public class HealthSettingsTests
{
    private const string Minimal = """
        inventory: fleet.yml
        package:
          path: Check_Point_R81_20_JUMBO_HF_MAIN_Bundle_T92_FULL.tgz

        """;

    private static CdtConfig Load(string yaml) => ConfigLoader.LoadText("cdt.conf", Minimal + yaml, "/etc/cdt");

    [TestCase("health:\n  routes_tolerance: 101%\n", "cdt.conf:5:21: 'routes_tolerance' must be a share of the routes from 0% to 100%, such as 5%, not '101%'")]
    [TestCase("health:\n  routes_tolerance: -1%\n", "cdt.conf:5:21: 'routes_tolerance' must be a share of the routes from 0% to 100%, such as 5%, not '-1%'")]
    [TestCase("health:\n  routes_tolerance: lots\n", "cdt.conf:5:21: 'routes_tolerance' must be a share of the routes from 0% to 100%, such as 5%, not 'lots'")]
    [TestCase("health:\n  on_regression: ignore\n", "cdt.conf:5:18: 'on_regression' must be one of fail, warn, not 'ignore'")]
    [TestCase("health:\n  interval: 0s\n", "cdt.conf:5:13: 'interval' must be longer than 0s and at most 365d, not 0s")]
    [TestCase("health:\n  soak: 5m\n", "cdt.conf:5:3: unknown setting 'soak' in 'health' (enabled, routes_tolerance, on_regression, settle, interval)")]
    [TestCase("health: sometimes\n", "cdt.conf:4:9: 'health' must be off, on or a mapping (routes_tolerance, on_regression, settle, interval), not 'sometimes'")]
    [TestCase("execute:\n  soak: soon\n", "cdt.conf:5:9: 'soak' is not a duration: 'soon' (write e.g. 90s, 20m, 1h30m)")]
    [TestCase("clusters:\n  soak: 5m\n  wait: 1m\n", "cdt.conf:6:3: unknown setting 'wait' in 'clusters' (soak)")]
    public void ABadHealthSettingIsRefusedWithItsLine(string yaml, string expected) =>
        Should.Throw<CdtInputException>(() => Load(yaml)).ToDisplayLines().ShouldBe([expected]);

    [Test]
    public void HealthIsOffWithoutAHealthSection() => Load(string.Empty).Health.Enabled.ShouldBeFalse();

    [Test]
    public void AHealthSectionTurnsItOnFailingOnARegressionWithFivePercentOfRoutes()
    {
        var health = Load("health:\n  settle: 5m\n").Health;

        health.Enabled.ShouldBeTrue();
        health.OnRegression.ShouldBe(RegressionPolicy.Fail);
        health.RoutesTolerance.ShouldBe(0.05);
    }

    [Test]
    public void HealthOffTurnsItOff() => Load("health: off\n").Health.Enabled.ShouldBeFalse();

    [Test]
    public void ReadsEverySetting()
    {
        var config = Load("health:\n  routes_tolerance: 12.5%\n  on_regression: warn\n  settle: 0s\n  interval: 1m\nexecute:\n  soak: 10m\nclusters:\n  soak: 5m\n");

        config.Health.ShouldBe(new HealthSettings { Enabled = true, RoutesTolerance = 0.125, OnRegression = RegressionPolicy.Warn, Settle = TimeSpan.Zero, Interval = TimeSpan.FromMinutes(1) });
        config.Execute.Soak.ShouldBe(TimeSpan.FromMinutes(10));
        config.Clusters.Soak.ShouldBe(TimeSpan.FromMinutes(5));
    }
}
