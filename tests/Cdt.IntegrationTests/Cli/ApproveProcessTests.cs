using Cdt.IntegrationTests.Support;
using Cdt.Tests.Support;
using NUnit.Framework;
using Shouldly;

namespace Cdt.IntegrationTests.Cli;

/// <summary>
/// The real cdt executable, one process per command as an operator runs it: execute pauses at its
/// gate with exit code 8, then cdt approve (the user from the process's environment) finishes the run.
/// The simulated fleet keeps it fast; each process has its own, as a crashed controller would.
/// </summary>
public class ApproveProcessTests
{
    [Test]
    public async Task ExecutePausesWithExitEightAndApproveInAnotherProcessFinishesTheRun()
    {
        using var temp = new TempFolder();
        temp.Write("fleet.yml", """
            packages:
              - file: jhf_R81_20_T92.tgz
                name: JHF T92
            gateways:
              - { name: gw1, ip: 10.0.0.1, version: R81.20 }
              - { name: gw2, ip: 10.0.0.2, version: R81.20 }
              - { name: gw3, ip: 10.0.0.3, version: R81.20 }
            """);
        temp.Write("jhf_R81_20_T92.tgz", "payload");
        temp.Write("cdt.conf", """
            inventory: fleet.yml
            transport: simulator
            simulator: { time_scale: 3000 }
            package: { path: jhf_R81_20_T92.tgz, name: JHF T92, versions: [R81.20] }
            generate: { batch_policy: canary, batch_size: 10 }
            execute: { logs_dir: logs }
            """);
        (await CdtAsync(temp.Path, "generate", "--candidates", "list.csv")).ExitCode.ShouldBe(0);

        var paused = await CdtAsync(temp.Path, "execute", "list.csv", "--pause-after-batch", "1");

        paused.ExitCode.ShouldBe(8, paused.Error);
        paused.Out.ShouldStartWith("1 succeeded, 0 failed, 2 waiting; paused: waiting for approval after batch 1");

        var approved = await CdtAsync(temp.Path, "approve", "list.csv", "--note", "canary checked");

        approved.ExitCode.ShouldBe(0, approved.Error);
        approved.Out.ShouldStartWith("3 succeeded, 0 failed, 0 not started");
        var logs = approved.Out.Split('\n').Single(l => l.StartsWith("logs: ", StringComparison.Ordinal))["logs: ".Length..].Trim();
        File.ReadAllText(Path.Combine(logs, "journal.jsonl")).ShouldContain("\"event\":\"approved\",\"batch\":1,\"user\":\"ci-approver\",\"note\":\"canary checked\"");
        (await CdtAsync(temp.Path, "approve", "list.csv")).ExitCode.ShouldBe(2, "the run no longer waits");
    }

    private static Task<CdtProcess.Outcome> CdtAsync(string folder, params string[] args) =>
        CdtProcess.RunAsync(folder, new Dictionary<string, string> { ["USER"] = "ci-approver" }, args);
}
