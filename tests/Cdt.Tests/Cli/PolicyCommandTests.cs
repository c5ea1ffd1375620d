using Cdt.Cli;
using Cdt.Tests.Support;
using NUnit.Framework;
using Shouldly;

namespace Cdt.Tests.Cli;

/// <summary>
/// <c>execute.install_policy</c> through the command line on the simulator: the composition root
/// wires the simulator's installer, the progress lines and results say what happened, and a bad
/// value is exit 2 before anything runs.
/// </summary>
public class PolicyCommandTests
{
    private TempFolder _temp = null!;
    private ManualClock _clock = null!;

    [SetUp]
    public void SetUp()
    {
        _temp = new TempFolder(memory: true);
        _clock = ManualClock.At("2026-11-22T01:00:00+00:00");
        _temp.Write("fleet.yml", """
            packages:
              - file: jhf_R81_20_T92.tgz
                name: JHF T92
            gateways:
              - { name: gw1, ip: 10.0.0.1, version: R81.20 }
              - { name: gw2, ip: 10.0.0.2, version: R81.20, simulation: { faults: [policy_install_fails] } }
            """);
        _temp.Write("jhf_R81_20_T92.tgz", "payload");
    }

    [TearDown]
    public void TearDown() => _temp.Dispose();

    [Test]
    public void ASimulatedRunInstallsThePolicyAndReportsTheOneThatFailed()
    {
        Configure("install_policy: access+threat, policy_package: Branch");
        Run("generate", "--candidates", "list.csv").ExitCode.ShouldBe(0);

        var r = Run("execute", "list.csv");

        r.ExitCode.ShouldBe(ExitCodes.SomeFailed, r.Error);
        r.Error.ShouldContain("gw1: policy succeeded: policy Branch installed (Access Control and Threat Prevention)");
        r.Error.ShouldContain("gw2: policy failed: the package is installed but the policy is not: the installation of policy Branch failed: Policy installation failed on gw2 (simulated fault policy_install_fails)");
        var results = File.ReadAllLines(Directory.GetFiles(_temp.File("logs"), "results.csv", SearchOption.AllDirectories).Single());
        results.Single(l => l.StartsWith("gw1,", StringComparison.Ordinal)).ShouldContain(",succeeded,");
        results.Single(l => l.StartsWith("gw2,", StringComparison.Ordinal)).ShouldContain(",failed,");
    }

    [Test]
    public void ADryRunSaysWhichPolicyItWouldInstall()
    {
        Configure("install_policy: access");
        Run("generate", "--candidates", "list.csv").ExitCode.ShouldBe(0);

        var r = Run("execute", "list.csv", "--dry-run");

        r.ExitCode.ShouldBe(ExitCodes.Ok, r.Error);
        r.Out.ShouldContain("policy after the package: the Access Control policy (each object's own policy package), once per unit after its last member\n");
    }

    [Test]
    public void ABadValueIsExitTwoAndOneLine()
    {
        Configure("install_policy: yes");

        var r = Run("execute", "list.csv");

        r.ExitCode.ShouldBe(ExitCodes.BadInput);
        r.Error.Trim().Split('\n').Length.ShouldBe(1, r.Error);
        r.Error.ShouldContain("'install_policy' must be one of none, access, access+threat, all, not 'yes'");
    }

    private void Configure(string execute) => _temp.Write("cdt.conf", $$"""
        inventory: fleet.yml
        simulator: { time_scale: 1000 }
        package: { path: jhf_R81_20_T92.tgz, name: JHF T92, versions: [R81.20] }
        generate: { batch_policy: fixed, batch_size: 10 }
        execute: { logs_dir: logs, {{execute}} }
        """);

    private CliRunner.Outcome Run(params string[] args) => CliRunner.RunOn(_clock, _temp.Path, args);
}
