using Cdt.Host;
using System.Text.RegularExpressions;
using Cdt.Fleet;
using Cdt.Gaia;
using Cdt.Plans;
using Cdt.Simulation;
using Cdt.Tests.Support;
using Cdt.Transport;
using NUnit.Framework;
using Shouldly;

namespace Cdt.Tests.Plans;

public partial class PlanCommandLinesTests
{
    private const string Fleet = """
        gateways:
          - name: gw1
            ip: 10.0.0.1
            version: R81.20
        clusters:
          - name: vs
            type: vsx-vsls
            version: R81.20
            members:
              - { name: vs1, ip: 10.0.1.1, state: VSLS active member }
              - { name: vs2, ip: 10.0.1.2, state: VSLS member }
        """;

    [GeneratedRegex(@"\$ (.+?)(?:  -> |, wait|$)", RegexOptions.CultureInvariant)]
    private static partial Regex CommandInLine();

    [TestCaseSource(typeof(PlanReaderTests), nameof(PlanReaderTests.SamplePlans))]
    public void EveryCommandLineAnExplainedPlanSendsIsOneTheSimulatedGaiaUnderstands(string relative)
    {
        var plan = PlanLoader.Load(LocalFileStore.Instance, TestPaths.Repo(relative));
        var targets = new[] { new Target { Name = "gw1", Host = "10.0.0.1" }, new Target { Name = "vs2", Host = "10.0.1.2", Vsx = true } };
        var commands = targets
            .SelectMany(t => plan.Actions.SelectMany(a => ExplainLines.Lines(a, t)).Select(l => (t.Name, Line: l)))
            .SelectMany(x => CommandInLine().Matches(x.Line).Select(m => (x.Name, Command: m.Groups[1].Value)))
            .ToList();

        commands.ShouldNotBeEmpty();
        foreach (var (gateway, command) in commands)
        {
            // A fresh gateway per command: a reboot must not hide the next command from the check.
            var world = SimWorld.FromInventory(InventoryLoader.LoadText("fleet.yml", Fleet), DateTimeOffset.UnixEpoch);
            new GaiaSimulator(world).Execute(gateway, command, DateTimeOffset.UnixEpoch);
            world.RefusedCommands.ShouldBeEmpty(command);
        }
    }

    [Test]
    public void ScriptArgumentsAreEachQuotedAndTheScriptRunsFromTheUploadFolder()
    {
        var t = new Target { Name = "gw1", Host = "10.0.0.1" };

        GaiaCommands.RunScript(t, GaiaCommands.UploadPath("check.sh"), ["--min", "10 GB"])
            .ShouldBe("bash '/var/log/upload/check.sh' '--min' '10 GB'");
    }

    [TestCase("fw ver")]
    [TestCase("clish -c \"show version all\"")]
    [TestCase("/opt/CPsuite-R81.20/fw1/bin/cpstat fw -f policy")]
    public void APlainCommandIsSentAsWritten(string command) =>
        GaiaCommands.UserCommand(new Target { Name = "gw1", Host = "10.0.0.1" }, command).ShouldBe(command);

    [TestCase("fw ver; reboot")]
    [TestCase("cat /etc/shadow > /tmp/x")]
    [TestCase("echo $(id)")]
    [TestCase("echo `id`")]
    [TestCase("ls *")]
    [TestCase("clish -c \"show version all")]
    [TestCase("echo 'x'")]
    [TestCase("fw ver\nreboot")]
    [TestCase("fw ver\n")]
    [TestCase("-rf /")]
    public void ACommandWithShellSyntaxIsRefusedBeforeAnythingIsSent(string command) =>
        Should.Throw<UnsafeValueException>(() => GaiaCommands.UserCommand(new Target { Name = "gw1", Host = "10.0.0.1" }, command));

    [TestCase("before jhf")]
    [TestCase("x;reboot")]
    [TestCase("before\n")]
    [TestCase("")]
    public void ASnapshotNameOutsideGaiasRuleIsRefused(string name) =>
        Should.Throw<UnsafeValueException>(() => GaiaCommands.Snapshot(new Target { Name = "gw1", Host = "10.0.0.1" }, name, "ok"));

    [Test]
    public void ACloudDownloadIsAClishInstallerCommandWithTheLockTaken() =>
        GaiaCommands.Download(new Target { Name = "gw1", Host = "10.0.0.1" }, "R81.20 JHF (Take 92)")
            .ShouldBe("clish -c 'lock database override'; clish -c 'installer download \"R81.20 JHF (Take 92)\" not-interactive'");
}
