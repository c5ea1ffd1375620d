using Cdt.Cli;
using Cdt.Tests.Support;
using NUnit.Framework;
using Shouldly;

namespace Cdt.Tests.Cli;

public class UninstallCommandTests
{
    [Test]
    public void ExecuteUninstallRunsEveryProcedureAndResumeMustSayUninstallToo()
    {
        using var folder = ProcedureFleetFolder.Create(batchSize: 50);
        var clock = ManualClock.At("2026-11-22T01:00:00+00:00");
        CliRunner.RunOn(clock, folder.Path, "generate", "--candidates", "list.csv").ExitCode.ShouldBe(0);

        var uninstall = CliRunner.RunOn(clock, folder.Path, "execute", "--uninstall", "list.csv");
        var resume = CliRunner.RunOn(clock, folder.Path, "resume", "list.csv");

        uninstall.ExitCode.ShouldBe(ExitCodes.Ok, uninstall.Out + uninstall.Error);
        uninstall.Out.ShouldStartWith("27 succeeded, 0 failed, 0 not started");
        var results = File.ReadAllText(uninstall.Out.Split('\n').Single(l => l.StartsWith("results: ", StringComparison.Ordinal))["results: ".Length..].Trim());
        results.ShouldContain("not installed: nothing to remove");
        results.ShouldContain("uninstalled in 1 round(s)");
        resume.ExitCode.ShouldBe(ExitCodes.BadInput);
        resume.Error.ShouldContain("uninstalls the package: resume it with --uninstall");
    }
}
