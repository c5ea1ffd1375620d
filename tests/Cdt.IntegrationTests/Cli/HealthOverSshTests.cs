using Cdt.GatewayEmulator.Sshd;
using Cdt.IntegrationTests.Support;
using Cdt.Tests.Support;
using NUnit.Framework;
using Shouldly;

namespace Cdt.IntegrationTests.Cli;

/// <summary>
/// Health checks over real SSH against the gateway emulator: <c>cdt health</c> before the run, then
/// an execute where one gateway loses its routes after its reboot (an injected fault) and fails
/// and a healthy one succeeds. The Clish login shows what a snapshot reads there; its install stops
/// earlier, at the package copy, which needs an Expert login over SSH.
/// </summary>
public class HealthOverSshTests
{
    private const double Scale = 60;
    private SshdFleet _fleet = null!;
    private CliRunner.Outcome _health = null!;
    private CliRunner.Outcome _execute = null!;
    private string _results = null!;

    [OneTimeSetUp]
    public async Task SurveyThenExecuteOnce()
    {
        var net = LoopbackNet.Pick();
        var fleet = $"""
            packages:
              - {"{"} file: {TestFleets.PackageFile}, name: {TestFleets.PackageName} {"}"}
            gateways:
              - {"{"} name: gw-01, ip: {net.Address(1)}, version: R81.20, simulation: {"{"} install: 2m, reboot: 1m, faults: [routes_lost] {"}"} {"}"}
              - {"{"} name: gw-02, ip: {net.Address(2)}, version: R81.20, simulation: {"{"} install: 2m, reboot: 1m {"}"} {"}"}
              - {"{"} name: gw-03, ip: {net.Address(3)}, version: R81.20, shell: clish, simulation: {"{"} install: 2m, reboot: 1m {"}"} {"}"}

            """;
        _fleet = await SshdFleet.StartAsync(net, fleet, Scale);
        await File.WriteAllTextAsync(Path.Combine(_fleet.Folder, TestFleets.PackageFile), "package bytes");
        var config = Path.Combine(_fleet.Folder, "cdt.conf");
        await File.WriteAllTextAsync(config, _fleet.Config($"""
            package:
              path: {TestFleets.PackageFile}
              name: {TestFleets.PackageName}
              versions: [R81.20]
            generate:
              batch_policy: single
            execute:
              expected_reboot: 1m
              poll_interval: 20s
            health:
              on_regression: fail
              settle: 1m
            """));

        var generate = await CliRunner.RunAsync(_fleet.Folder, null, null, false, _fleet.Time, "generate", "--config", config, "--candidates", "list.csv");
        generate.ExitCode.ShouldBe(0, generate.Out + generate.Error);
        _health = await CliRunner.RunAsync(_fleet.Folder, null, null, false, _fleet.Time, "health", "--config", config, "list.csv");
        _execute = await CliRunner.RunAsync(_fleet.Folder, null, null, false, _fleet.Time, "execute", "--config", config, "list.csv");
        var results = _execute.Out.Split('\n').SingleOrDefault(l => l.StartsWith("results: ", StringComparison.Ordinal));
        _results = results is null ? string.Empty : await File.ReadAllTextAsync(results["results: ".Length..].Trim());
    }

    [OneTimeTearDown]
    public async Task StopFleet() => await _fleet.DisposeAsync();

    [Test]
    public void HealthReadsEveryTargetWithoutInstalling()
    {
        _health.ExitCode.ShouldBe(0, _health.Out + _health.Error);
        _health.Out.ShouldContain("gw-02  policy Standard (installed Tue Nov 17 22:04:11 2026); 42 routes; 4/4 interfaces up; 5/5 watched processes running; 1 licence(s)");
        _health.Out.ShouldContain("gw-03  42 routes; not read: interfaces, licences, policy, processes");
    }

    [Test]
    public void TheGatewayThatLostItsRoutesFailsAndTheHealthyOneSucceeds()
    {
        _execute.ExitCode.ShouldBe(1, _execute.Out + _execute.Error);
        var rows = _results.Split('\n');
        rows.Single(r => r.StartsWith("gw-01,", StringComparison.Ordinal)).ShouldContain(",failed,");
        rows.Single(r => r.StartsWith("gw-01,", StringComparison.Ordinal)).ShouldContain("health_after: health regression: routes: before 42 routes, after 7 routes (-83.3%, tolerance 5%)");
        rows.Single(r => r.StartsWith("gw-02,", StringComparison.Ordinal)).ShouldContain(",succeeded,");
    }
}
