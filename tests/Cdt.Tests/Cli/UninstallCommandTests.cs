using Cdt.Cli;
using Cdt.Tests.Support;
using NUnit.Framework;
using Shouldly;

namespace Cdt.Tests.Cli;

public class UninstallCommandTests
{
    private const string Name = "R81.20 Jumbo Hotfix Accumulator General Availability (Take 92)";

    /// <summary>The procedures fleet with the package on gw-1, the pair and three Security Groups; gw-2, gw-3 and sg-oslo never had it.</summary>
    private static TempFolder InstalledFleet()
    {
        var folder = ProcedureFleetFolder.Create(batchSize: 50);
        var fleet = ProcedureFleetFolder.Fleet
            .Replace("{ name: gw-1, ip: 10.1.1.1, version: R81.20 }", $"{{ name: gw-1, ip: 10.1.1.1, version: R81.20, installed: [\"{Name}\"] }}", StringComparison.Ordinal)
            .Replace("type: active-passive\n", $"type: active-passive\n    installed: [\"{Name}\"]\n", StringComparison.Ordinal)
            .Replace("version: R81.20, members:", $"version: R81.20, installed: [\"{Name}\"], members:", StringComparison.Ordinal);
        folder.Write("fleet.yml", fleet);
        return folder;
    }

    private static string ResultsOf(CliRunner.Outcome run) =>
        File.ReadAllText(run.Out.Split('\n').Single(l => l.StartsWith("results: ", StringComparison.Ordinal))["results: ".Length..].Trim());

    [Test]
    public void GenerateUninstallOffersTheGatewaysThatHaveThePackageAndExecuteUninstallRemovesItThroughEveryProcedure()
    {
        using var folder = InstalledFleet();
        var clock = ManualClock.At("2026-11-22T01:00:00+00:00");

        var generate = CliRunner.RunOn(clock, folder.Path, "generate", "--uninstall", "--candidates", "list.csv");
        var uninstall = CliRunner.RunOn(clock, folder.Path, "execute", "--uninstall", "list.csv");
        var resume = CliRunner.RunOn(clock, folder.Path, "resume", "list.csv");

        generate.ExitCode.ShouldBe(ExitCodes.Ok, generate.Error);
        var rows = File.ReadAllLines(Path.Combine(folder.Path, "list.csv"));
        rows.Single(r => r.StartsWith("gw-1,", StringComparison.Ordinal)).ShouldEndWith(",1");
        rows.Single(r => r.StartsWith("gw-2,", StringComparison.Ordinal)).ShouldEndWith(",N/A");
        rows.Single(r => r.StartsWith("gw-3,", StringComparison.Ordinal)).ShouldEndWith(",N/A");
        generate.Out.ShouldStartWith("18 gateway(s) to uninstall in 1 batch(es)");
        generate.Out.ShouldContain("gw-2: the package is not installed: nothing to uninstall");
        generate.Out.ShouldContain("sg-oslo-1_1: the package is not installed: nothing to uninstall");
        File.ReadAllText(Path.Combine(folder.Path, "list.csv.reasons.txt")).ShouldContain("# package to uninstall: " + Name);

        uninstall.ExitCode.ShouldBe(ExitCodes.Ok, uninstall.Out + uninstall.Error);
        uninstall.Out.ShouldStartWith("18 succeeded, 0 failed, 0 not started");
        var results = ResultsOf(uninstall);
        results.ShouldContain("uninstalled in 1 round(s)");
        results.ShouldContain("gw-1,,10.1.1.1,R81.20,,1,succeeded,");
        results.ShouldContain("gw-2,,10.1.1.2,R81.20,,N/A,N/A,,,,the package is not installed: nothing to uninstall");
        resume.ExitCode.ShouldBe(ExitCodes.BadInput);
        resume.Error.ShouldContain("list.csv: was generated for removing the package (its batches hold the gateways that have it): run it with --uninstall");
    }

    [Test]
    public void AClusterWhereOnlySomeMembersHaveThePackageIsOfferedWhole()
    {
        using var folder = ProcedureFleetFolder.Create(batchSize: 50);
        folder.Write("fleet.yml", $$"""
            gateways:
              - { name: gw-1, ip: 10.1.1.1, version: R81.20 }
            clusters:
              - name: cl-a
                type: clusterxl-ha
                version: R81.20
                members:
                  - { name: cl-a-m1, ip: 10.2.1.1, state: active, installed: ["{{Name}}"] }
                  - { name: cl-a-m2, ip: 10.2.1.2, state: standby }
            """);
        var clock = ManualClock.At("2026-11-22T01:00:00+00:00");

        var generate = CliRunner.RunOn(clock, folder.Path, "generate", "--uninstall", "--candidates", "list.csv");
        var uninstall = CliRunner.RunOn(clock, folder.Path, "execute", "--uninstall", "list.csv");

        generate.ExitCode.ShouldBe(ExitCodes.Ok, generate.Error);
        var rows = File.ReadAllLines(Path.Combine(folder.Path, "list.csv"));
        rows.Single(r => r.StartsWith("cl-a-m1,", StringComparison.Ordinal)).ShouldEndWith(",1");
        rows.Single(r => r.StartsWith("cl-a-m2,", StringComparison.Ordinal)).ShouldEndWith(",1");
        rows.Single(r => r.StartsWith("gw-1,", StringComparison.Ordinal)).ShouldEndWith(",N/A");
        uninstall.Out.ShouldStartWith("2 succeeded, 0 failed, 0 not started", customMessage: uninstall.Error);
        var results = ResultsOf(uninstall);
        results.Split('\n').Single(l => l.StartsWith("cl-a-m2,", StringComparison.Ordinal)).ShouldContain("not installed: nothing to remove");
    }

    [Test]
    public void AnInstallListIsNotRunAsAnUninstallNorTheOtherWayRoundAndNothingIsTouched()
    {
        using var folder = InstalledFleet();
        var clock = ManualClock.At("2026-11-22T01:00:00+00:00");
        CliRunner.RunOn(clock, folder.Path, "generate", "--candidates", "install.csv").ExitCode.ShouldBe(0);
        CliRunner.RunOn(clock, folder.Path, "generate", "--uninstall", "--candidates", "uninstall.csv").ExitCode.ShouldBe(0);

        var removeFromInstallList = CliRunner.RunOn(clock, folder.Path, "execute", "--uninstall", "install.csv");
        var installFromUninstallList = CliRunner.RunOn(clock, folder.Path, "execute", "uninstall.csv");

        removeFromInstallList.ExitCode.ShouldBe(ExitCodes.BadInput);
        removeFromInstallList.Error.ShouldContain("install.csv: was generated for installing the package");
        removeFromInstallList.Error.ShouldContain("cdt generate --uninstall");
        installFromUninstallList.ExitCode.ShouldBe(ExitCodes.BadInput);
        installFromUninstallList.Error.ShouldContain("uninstall.csv: was generated for removing the package");
        Directory.Exists(Path.Combine(folder.Path, "logs")).ShouldBeFalse("no run was started");
    }

    [Test]
    public void GenerateUninstallRefusesAPlanAndAVersionUpgrade()
    {
        using var folder = InstalledFleet();
        folder.Write("plan.yml", "actions:\n  - action: install_package\n    path: Check_Point_R81_20_JUMBO_HF_MAIN_Bundle_T92_FULL.tgz\n");
        var clock = ManualClock.At("2026-11-22T01:00:00+00:00");
        var conf = File.ReadAllText(Path.Combine(folder.Path, "cdt.conf"));

        folder.Write("cdt.conf", conf.Replace("versions: [R81.20]", "versions: [R81.10]\n  type: upgrade\n  target_version: R81.20", StringComparison.Ordinal));
        var upgrade = CliRunner.RunOn(clock, folder.Path, "generate", "--uninstall", "--candidates", "list.csv");
        folder.Write("cdt.conf", conf[..conf.IndexOf("package:", StringComparison.Ordinal)] + conf[conf.IndexOf("generate:", StringComparison.Ordinal)..]);
        var plan = CliRunner.RunOn(clock, folder.Path, "generate", "--uninstall", "--plan", "plan.yml", "--candidates", "list.csv");

        upgrade.ExitCode.ShouldBe(ExitCodes.BadInput);
        upgrade.Error.ShouldContain("a version upgrade, which cannot be uninstalled");
        plan.ExitCode.ShouldBe(ExitCodes.BadInput);
        plan.Error.ShouldContain("use an uninstall_package action instead");
        File.Exists(Path.Combine(folder.Path, "list.csv")).ShouldBeFalse();
    }

    [Test]
    public void APlanThatOnlyUninstallsGeneratesTheListOfTheGatewaysThatHaveItsPackage()
    {
        using var folder = ProcedureFleetFolder.Create(batchSize: 50);
        folder.Write("fleet.yml", $$"""
            gateways:
              - { name: gw-1, ip: 10.1.1.1, version: R81.20, installed: ["{{Name}}"] }
              - { name: gw-2, ip: 10.1.1.2, version: R81.20 }
            """);
        folder.Write("plan.yml", $"actions:\n  - action: uninstall_package\n    name: \"{Name}\"\n");
        var conf = File.ReadAllText(Path.Combine(folder.Path, "cdt.conf"));
        folder.Write("cdt.conf", conf[..conf.IndexOf("package:", StringComparison.Ordinal)] + conf[conf.IndexOf("generate:", StringComparison.Ordinal)..]);
        var clock = ManualClock.At("2026-11-22T01:00:00+00:00");

        var generate = CliRunner.RunOn(clock, folder.Path, "generate", "--plan", "plan.yml", "--candidates", "list.csv");
        var execute = CliRunner.RunOn(clock, folder.Path, "execute", "--plan", "plan.yml", "list.csv");

        generate.ExitCode.ShouldBe(ExitCodes.Ok, generate.Error);
        var rows = File.ReadAllLines(Path.Combine(folder.Path, "list.csv"));
        rows.Single(r => r.StartsWith("gw-1,", StringComparison.Ordinal)).ShouldEndWith(",1");
        rows.Single(r => r.StartsWith("gw-2,", StringComparison.Ordinal)).ShouldEndWith(",N/A");
        execute.Out.ShouldStartWith("1 succeeded, 0 failed, 0 not started", customMessage: execute.Out + execute.Error);
    }

    [Test]
    public void APairInAnUninstallPlansRunRunsItsOwnUninstallCommandAndTheRunSaysSo()
    {
        using var folder = InstalledFleet();
        folder.Write("plan.yml", $"actions:\n  - action: uninstall_package\n    name: \"{Name}\"\n");
        var conf = File.ReadAllText(Path.Combine(folder.Path, "cdt.conf"));
        folder.Write("cdt.conf", conf[..conf.IndexOf("package:", StringComparison.Ordinal)] + conf[conf.IndexOf("generate:", StringComparison.Ordinal)..]);
        var clock = ManualClock.At("2026-11-22T01:00:00+00:00");
        CliRunner.RunOn(clock, folder.Path, "generate", "--plan", "plan.yml", "--candidates", "list.csv").ExitCode.ShouldBe(0);

        var execute = CliRunner.RunOn(clock, folder.Path, "execute", "--plan", "plan.yml", "list.csv");

        execute.Error.ShouldContain("cdt: warning: ap-billing: an active/passive pair runs its own configured commands; the plan's actions are not sent to it");
        var results = ResultsOf(execute);
        results.Split('\n').Single(l => l.StartsWith("ap-billing-1,", StringComparison.Ordinal)).ShouldContain("succeeded");
        results.ShouldContain("uninstalled in 1 round(s)");
        results.ShouldNotContain(",\"installed in 1 round(s)");
    }
}
