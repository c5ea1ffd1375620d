using Cdt.Host;
using Cdt.Config;
using Cdt.Plans.Preparation;
using Cdt.Tests.Execution;
using NUnit.Framework;
using Shouldly;

namespace Cdt.Tests.Plans;

/// <summary>cdt prepare (and --extended), then execute: pre-scripts run once, sends are not repeated.</summary>
public class PreparationTests
{
    private const string ScriptRun = "bash '/var/log/cdt/scripts/check.sh'";

    private const string AdvancedPlan = """
        actions:
          - action: execute_script
            path: check.sh
            arguments: [--before]
          - action: install_package
            path: pkg_R81_20_T92.tgz
            name: Hotfix T92
          - action: execute_script
            path: check.sh
            arguments: [--after]
        """;

    [Test]
    public void BasicPreparationsSendAndRunThePreScriptThenExecuteSkipsBoth()
    {
        using var h = WithPreScript(Fleets.Standalone(1));

        var prepared = h.Prepare(plan: null, extended: false);
        var executed = h.ExecuteBasic();

        prepared.Run.Succeeded.ShouldBe(1);
        PlanRunHarness.Steps(prepared, "gw01").Select(Name).ShouldBe(["check ok", "send ok", "pre_script ok"]);
        var record = PreparationStore.Load(LocalFileStore.Instance, h.Engine.ListPath, _ => { })!;
        record.Targets["gw01"].Steps.ShouldBe(["check", "pre_script", "send"]);
        executed.Run.Succeeded.ShouldBe(1);
        PlanRunHarness.Steps(executed, "gw01").ShouldContain(s => s.StartsWith("pre_script skipped: done by cdt prepare at ", StringComparison.Ordinal));
        PlanRunHarness.Steps(executed, "gw01").ShouldContain("send skipped: already on the gateway (same MD5)");
        h.Commands("gw01").Count(c => c.StartsWith(ScriptRun, StringComparison.Ordinal)).ShouldBe(1);
        h.Engine.World.Gateways["gw01"].Installed.ShouldContain("Hotfix T92");
    }

    [Test]
    public void ExtendedPreparationsAlsoImportAndVerifyButInstallNothing()
    {
        using var h = WithPreScript(Fleets.Standalone(1));

        var prepared = h.Prepare(plan: null, extended: true);

        PlanRunHarness.Steps(prepared, "gw01").Select(Name).ShouldBe(["check ok", "send ok", "import ok", "verify ok", "pre_script ok"]);
        h.Engine.World.Gateways["gw01"].Imported.ShouldContain("Hotfix T92");
        h.Engine.World.Gateways["gw01"].Installed.ShouldNotContain("Hotfix T92");
        PreparationStore.Load(LocalFileStore.Instance, h.Engine.ListPath, _ => { })!.Extended.ShouldBeTrue();
    }

    [Test]
    public void AdvancedPreparationsRunOnlyThePreScriptsBeforeTheFirstInstall()
    {
        using var h = new PlanRunHarness(Fleets.Standalone(1));
        var plan = h.Plan(AdvancedPlan);

        var prepared = h.Prepare(plan, extended: false);
        var executed = h.Execute(plan);

        PlanRunHarness.Steps(prepared, "gw01").Select(Name).ShouldBe(["prepare pkg_R81_20_T92.tgz ok", "execute_script#1 ok"]);
        PlanRunHarness.Steps(executed, "gw01").Select(Name).ShouldBe(["execute_script#1 skipped", "install_package#2:prepare ok", "install_package#2 ok", "execute_script#3 ok"]);
        h.Commands("gw01").Where(c => c.StartsWith(ScriptRun, StringComparison.Ordinal)).ShouldBe([ScriptRun + " '--before'", ScriptRun + " '--after'"]);
        h.Commands("gw01").Count(c => c.StartsWith("md5sum '/var/log/upload/pkg_R81_20_T92.tgz'", StringComparison.Ordinal)).ShouldBeGreaterThan(1);
        h.Engine.World.Gateways["gw01"].InstallCount["Hotfix T92"].ShouldBe(1);
    }

    [Test]
    public void AScriptChangedAfterPreparationsRunsAgain()
    {
        using var h = WithPreScript(Fleets.Standalone(1));
        h.Prepare(plan: null, extended: false);
        File.AppendAllText(Path.Combine(h.Engine.Folder, "check.sh"), "# changed\n");

        var executed = h.ExecuteBasic();

        PlanRunHarness.Steps(executed, "gw01").ShouldContain("pre_script ok: exit 0");
        h.Commands("gw01").Count(c => c.StartsWith(ScriptRun, StringComparison.Ordinal)).ShouldBe(2);
    }

    [Test]
    public void PreparingAClusterNeverFailsOverAndInstallsNothing()
    {
        using var h = new PlanRunHarness(Fleets.Clusters(Fleets.HaPair));
        var plan = h.Plan(AdvancedPlan);

        var prepared = h.Prepare(plan, extended: true);

        prepared.Run.Succeeded.ShouldBe(2);
        h.Engine.World.CommandLog.ShouldNotContain(c => c.Contains("clusterXL_admin", StringComparison.Ordinal) || c.Contains("installer install", StringComparison.Ordinal));
        h.Engine.World.Gateways.Values.ShouldAllBe(g => g.Imported.Contains("Hotfix T92"));
        h.Engine.World.Violations.ShouldBeEmpty();
    }

    [Test]
    public void ARecordOfTheOtherModeIsIgnored()
    {
        using var h = WithPreScript(Fleets.Standalone(1));
        h.Prepare(plan: null, extended: false);
        var plan = h.Plan(AdvancedPlan);

        var executed = h.Execute(plan);

        PlanRunHarness.Steps(executed, "gw01")[0].ShouldBe("execute_script#1 ok: exit 0");
    }

    [Test]
    public void APreparationRunLivesInItsOwnFolderSoResumeNeverPicksItUp()
    {
        using var h = WithPreScript(Fleets.Standalone(1));

        var prepared = h.Prepare(plan: null, extended: false);

        Path.GetFileName(Path.GetDirectoryName(prepared.RunFolder)).ShouldBe(PrepareJob.FolderName);
        Should.Throw<Cdt.Diagnostics.CdtInputException>(() => h.Engine.Execute(resume: true)).Message.ShouldStartWith("no earlier run of this list to resume");
    }

    private static PlanRunHarness WithPreScript(string fleet)
    {
        var h = new PlanRunHarness(fleet);
        h.BasicConfig = h.Engine.Config with { PreScript = new ScriptSpec { Path = Path.Combine(h.Engine.Folder, "check.sh") } };
        return h;
    }

    private static string Name(string step) => step[..step.IndexOf(": ", StringComparison.Ordinal)];
}
