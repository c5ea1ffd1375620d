using System.Text;
using Cdt.Fleet.Management;
using Cdt.Host;
using Cdt.Management;
using Cdt.Transport;
using NUnit.Framework;
using Shouldly;

namespace Cdt.Tests.Transport;

/// <summary>
/// <c>transport: management</c> without a server: the script cdt sends and how it reads the exit
/// status back, what each way a task can end means for the command, and a file too large for
/// put-file refused before anything is sent.
/// </summary>
public sealed class ManagementTransportTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(5);

    [Test]
    public void TheScriptIsTheCommandThenALinePrintingItsExitStatus() =>
        ScriptFraming.Wrap("clish -c 'show installer package 1'").ShouldBe("clish -c 'show installer package 1'\nprintf '\\ncdt-exit:%d\\n' \"$?\"\n");

    [TestCase("R81.20\n\ncdt-exit:0\n", "R81.20\n", 0)]
    [TestCase("no newline at the end\ncdt-exit:127\n", "no newline at the end", 127)]
    [TestCase("\ncdt-exit:1\n", "", 1)]
    [TestCase("a line that says\ncdt-exit:3 in the middle\nmore\n\ncdt-exit:2\n", "a line that says\ncdt-exit:3 in the middle\nmore\n", 2)]
    public void TheExitStatusIsTheLastLineAndTheOutputIsWhatCameBeforeIt(string raw, string output, int exit)
    {
        var (text, status) = ScriptFraming.Split(Encoding.UTF8.GetBytes(raw));

        Encoding.UTF8.GetString(text).ShouldBe(output);
        status.ShouldBe(exit);
    }

    [TestCase("cut short while printing")]
    [TestCase("\ncdt-exit:\n")]
    [TestCase("\ncdt-exit:12345\n")]
    [TestCase("\ncdt-exit:0 and more\n")]
    public void OutputWithoutAWellFormedStatusLineHasNoStatus(string raw) =>
        ScriptFraming.Split(Encoding.UTF8.GetBytes(raw)).Exit.ShouldBeNull();

    [TestCase("succeeded")]
    [TestCase("failed")]
    public void AScriptThatPrintedItsStatusWasAnsweredWhateverTheTaskSays(string status)
    {
        var (result, output) = TaskOutcome.OfScript(Task(status, "Version: R81.20\n\ncdt-exit:3\n"), "gw-01", TimeSpan.FromSeconds(4), Limit);

        result.Answered.ShouldBeTrue();
        result.ExitCode.ShouldBe(3);
        result.Stdout.ShouldBe("Version: R81.20\n");
        output.ShouldBe(Encoding.UTF8.GetBytes("Version: R81.20\n"));
    }

    [Test]
    public void AFailedTaskWithoutOutputNeverReachedTheGatewaySoItIsUnreachable()
    {
        var (result, _) = TaskOutcome.OfScript(Task("failed", null, "Gateway gw-01 is not reachable"), "gw-01", TimeSpan.FromSeconds(4), Limit);

        result.Error.ShouldBe(TransportError.Unreachable);
        result.Describe().ShouldBe("unreachable: the management server did not reach gw-01: failed: Gateway gw-01 is not reachable");
    }

    [Test]
    public void OutputWithoutTheStatusIsACommandCutShortSoTheConnectionDropped()
    {
        var (result, _) = TaskOutcome.OfScript(Task("failed", "Interactive mode is disabled\n", "connection lost"), "gw-01", TimeSpan.FromSeconds(4), Limit);

        result.Error.ShouldBe(TransportError.Dropped);
        result.Stderr.ShouldContain("Interactive mode is disabled");
    }

    [Test]
    public void AScriptStoppedAtTheScriptLimitDroppedSoItIsFollowedUp()
    {
        var (result, _) = TaskOutcome.OfScript(Task("failed", null, "The script was stopped"), "gw-01", Limit, Limit);

        result.Error.ShouldBe(TransportError.Dropped);
        result.Describe().ShouldStartWith("connection dropped: run-script on gw-01 ran as long as the management server runs a script (script_limit 5m)");
    }

    [Test]
    public void OutputThatIsNotBase64IsACommandWhoseFateIsUnknown()
    {
        var task = Task("succeeded", null);
        task.TaskDetails![0].ResponseMessage = "not base64!";

        TaskOutcome.OfScript(task, "gw-01", TimeSpan.Zero, Limit).Answer.Error.ShouldBe(TransportError.Dropped);
    }

    [TestCase("succeeded", true)]
    [TestCase("succeeded with warnings", true)]
    [TestCase("partially succeeded", false)]
    [TestCase("failed", false)]
    public void APutFileTaskSucceedsOnlyWhenTheServerSaysSo(string status, bool ok) =>
        TaskOutcome.OfPutFile(Task(status, null, "disk full"), "gw-01", TimeSpan.Zero).Succeeded.ShouldBe(ok);

    [Test]
    public async Task AFileTooLargeForPutFileIsRefusedBeforeAnythingIsSent()
    {
        var folder = Directory.CreateTempSubdirectory("cdt-mgmt-unit-").FullName;
        try
        {
            var path = Path.Combine(folder, "big.tgz");
            await File.WriteAllBytesAsync(path, new byte[ManagementFileCopy.MaxFileBytes + 1]);
            // Port 9 on loopback: nothing answers there, and nothing must be asked.
            var settings = new ManagementSettings { Server = new Uri("https://127.0.0.1:9/"), ApiKeyEnv = "UNSET", Fingerprint = "SHA256:" + new string('0', 64) };
            await using var shell = new ManagementShell(settings, _ => "key", TimeProvider.System, LocalFileStore.Instance);

            var result = await shell.SendFileAsync(new Target { Name = "gw-01", Host = "10.0.0.1" }, path, "/var/log/upload/big.tgz", TimeSpan.FromMinutes(1), CancellationToken.None);

            result.Answered.ShouldBeTrue();
            result.ExitCode.ShouldBe(1);
            result.Stderr.ShouldBe($"{path} is 975,001 bytes: through the management server a file goes inside one put-file request, at most 975,000 bytes; put it on gw-01 as /var/log/upload/big.tgz another way (a file with the same MD5 is not sent again), or use transport: ssh");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public void TheDecodingCommandQuotesEveryPathAndUsesNoRedirection() =>
        ManagementFileCopy.Decode("/var/log/tmp/cdt-a.tgz.b64", "/var/log/upload/a.tgz").ShouldBe(
            "mkdir -p '/var/log/upload' && openssl enc -d -base64 -A -in '/var/log/tmp/cdt-a.tgz.b64' -out '/var/log/upload/a.tgz' && rm -f '/var/log/tmp/cdt-a.tgz.b64' && md5sum '/var/log/upload/a.tgz'");

    private static TaskReply Task(string status, string? output, string? description = null) => new()
    {
        Status = status,
        ProgressPercentage = 100,
        TaskDetails =
        [
            new TaskDetail
            {
                StatusCode = status,
                StatusDescription = description,
                GatewayName = "gw-01",
                ResponseMessage = output is null ? string.Empty : Convert.ToBase64String(Encoding.UTF8.GetBytes(output)),
            },
        ],
    };
}
