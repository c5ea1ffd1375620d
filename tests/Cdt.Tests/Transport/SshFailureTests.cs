using Cdt.Transport.OpenSsh;
using Cdt.Transport;
using NUnit.Framework;
using Shouldly;

namespace Cdt.Tests.Transport;

/// <summary>The messages are what OpenSSH 9.2 prints, captured against a real sshd on loopback.</summary>
public class SshFailureTests
{
    [Test]
    public void AChangedHostKeyIsAMismatchBeforeAnythingElse()
    {
        const string stderr = """
            @@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@
            @    WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED!     @
            @@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@
            IT IS POSSIBLE THAT SOMEONE IS DOING SOMETHING NASTY!
            Offending ED25519 key in /tmp/known_bad:1
            Host key for [127.0.77.1]:20022 has changed and you have requested strict checking.
            Host key verification failed.
            """;

        SshFailure.Classify(stderr, jumpHost: null).ShouldBe(TransportError.HostKeyMismatch);
        var summary = SshFailure.Summarize(stderr, TransportError.HostKeyMismatch);
        summary.ShouldStartWith("Host key for [127.0.77.1]:20022 has changed and you have requested strict checking.\n@@@");
        CommandResult.Failed(TransportError.HostKeyMismatch, summary).Describe()
            .ShouldBe("host key mismatch: Host key for [127.0.77.1]:20022 has changed and you have requested strict checking.");
    }

    [Test]
    public void AJumpHostFailureIsSummarizedByItsConnectLine() =>
        SshFailure.Summarize("kex_exchange_identification: Connection closed by remote host\r\nssh: connect to host 127.0.77.9 port 20022: Connection refused\r\n", TransportError.JumpHostDown)
            .ShouldStartWith("ssh: connect to host 127.0.77.9 port 20022: Connection refused\n");

    [Test]
    public void AJumpHostFailureWithoutAConnectLineNamesTheJumpHost() =>
        SshFailure.Summarize("kex_exchange_identification: Connection closed by remote host\r\nConnection closed by UNKNOWN port 65535\r\n", TransportError.JumpHostDown, "admin@10.0.0.10:22")
            .ShouldStartWith("no answer from the jump host admin@10.0.0.10:22 (kex_exchange_identification: Connection closed by remote host)\n");

    [Test]
    public void AOneLineMessageStaysAsItIs() =>
        SshFailure.Summarize("root@127.0.77.2: Permission denied (publickey).\r\n", TransportError.AuthenticationFailed).ShouldBe("root@127.0.77.2: Permission denied (publickey).");

    [Test]
    public void AKeyNotInKnownHostsIsUnknown() =>
        SshFailure.Classify("No ED25519 host key is known for [127.0.77.2]:20022 and you have requested strict checking.\r\nHost key verification failed.\r\n", null)
            .ShouldBe(TransportError.UnknownHostKey);

    [Test]
    public void ARefusedKeyIsAnAuthenticationFailure() =>
        SshFailure.Classify("root@127.0.77.2: Permission denied (publickey).\r\n", null).ShouldBe(TransportError.AuthenticationFailed);

    [TestCase("ssh: connect to host 127.0.77.3 port 20022: Connection refused\r\n")]
    [TestCase("ssh: connect to host 10.1.1.1 port 22: Connection timed out\r\n")]
    [TestCase("ssh: Could not resolve hostname gw-x: Name or service not known\r\n")]
    [TestCase("kex_exchange_identification: read: Connection reset by peer\r\n")]
    public void NoConnectionIsUnreachable(string stderr) =>
        SshFailure.Classify(stderr, null).ShouldBe(TransportError.Unreachable);

    [Test]
    public void AJumpHostThatRefusesIsTheJumpHostsFault()
    {
        const string stderr = "ssh: connect to host 127.0.77.9 port 20022: Connection refused\r\nkex_exchange_identification: Connection closed by remote host\r\nConnection closed by UNKNOWN port 65535\r\n";

        SshFailure.Classify(stderr, "root@127.0.77.9:20022").ShouldBe(TransportError.JumpHostDown);
    }

    [Test]
    public void AJumpHostWhoseStreamBrokeBeforeTheBannerIsTheJumpHostsFault() =>
        SshFailure.Classify("banner exchange: Connection to UNKNOWN port 65535: Broken pipe\r\n", "root@127.0.77.9:20022").ShouldBe(TransportError.JumpHostDown);

    [Test]
    public void AGatewayBehindAWorkingJumpHostThatRefusesIsUnreachable() =>
        SshFailure.Classify(
            "channel 0: open failed: connect failed: Connection refused\r\nstdio forwarding failed\r\nkex_exchange_identification: Connection closed by remote host\r\nConnection closed by UNKNOWN port 65535\r\n",
            "127.0.77.1:20022").ShouldBe(TransportError.Unreachable);

    [TestCase("Connection to 127.0.77.1 closed by remote host.\r\n")]
    [TestCase("client_loop: send disconnect: Broken pipe\r\n")]
    [TestCase("Timeout, server 10.1.1.1 not responding.\r\n")]
    [TestCase("")]
    public void AConnectionThatWentAwayIsDropped(string stderr) =>
        SshFailure.Classify(stderr, null).ShouldBe(TransportError.Dropped);

    [Test]
    public void OnlyAMessageNamingTheJumpHostBlamesItForSure()
    {
        SshFailure.JumpHostUnnamed("ssh: connect to host 10.0.0.10 port 22: Connection refused\r\n", "admin@10.0.0.10:22").ShouldBeFalse();
        SshFailure.JumpHostUnnamed("kex_exchange_identification: Connection closed by remote host\r\nConnection closed by UNKNOWN port 65535\r\n", "admin@10.0.0.10:22").ShouldBeTrue();
    }

    [TestCase("admin@mgmt:2222", "mgmt")]
    [TestCase("10.0.0.10", "10.0.0.10")]
    [TestCase("[fd00::1]:22", "fd00::1")]
    public void TheJumpHostNameIsItsHostPart(string jump, string host) =>
        SshFailure.JumpHostName(jump).ShouldBe(host);
}
