using System.Diagnostics;
using Cdt.Config;
using Cdt.Gaia;
using Cdt.GatewayEmulator.Sshd;
using Cdt.IntegrationTests.Support;
using Cdt.Transport;
using NUnit.Framework;
using Shouldly;

namespace Cdt.IntegrationTests.Transport;

/// <summary>Each connection-level fault gives one clear per-target outcome, never an exception.</summary>
[TestFixture(Transports.SshNet)]
[TestFixture(Transports.OpenSsh)]
public class ConnectionFaultTests(string transport)
{
    private static readonly TimeSpan Short = TimeSpan.FromSeconds(20);
    private LoopbackNet _net = null!;
    private SshdFleet _fleet = null!;

    private Target Gw(int n) => new() { Name = $"gw-{n}", Host = _net.Address(n) };

    [OneTimeSetUp]
    public async Task StartFleet()
    {
        _net = LoopbackNet.Pick();
        var yaml = $$"""
            packages:
              - { file: hotfix.tgz, name: Hotfix One }
            gateways:
              - { name: gw-1, ip: {{_net.Address(1)}}, version: R81.20 }
              - { name: gw-2, ip: {{_net.Address(2)}}, version: R81.20 }
              - { name: gw-3, ip: {{_net.Address(3)}}, version: R81.20 }
              - { name: gw-4, ip: {{_net.Address(4)}}, version: R81.20 }
              - { name: gw-5, ip: {{_net.Address(5)}}, version: R81.20 }
              - { name: gw-6, ip: {{_net.Address(6)}}, version: R81.20, simulation: { faults: [hang] } }
              - { name: gw-7, ip: {{_net.Address(7)}}, version: R81.20 }
              - { name: gw-8, ip: {{_net.Address(8)}}, version: R81.20, simulation: { install: 2m, reboot: 30s, faults: [drop_during_install] } }
            """;
        var special = new Dictionary<string, AddressOptions>
        {
            [_net.Address(2)] = new() { Authorized = false },
            [_net.Address(3)] = new() { KnownHost = KnownHostEntry.Wrong },
            [_net.Address(4)] = new() { KnownHost = KnownHostEntry.Missing },
            [_net.Address(5)] = new() { Listen = false },
        };
        _fleet = await SshdFleet.StartAsync(_net, yaml, scale: 60, special, extraAddresses: [_net.Address(9)], tweak: world =>
        {
            world.Gateways["gw-7"].DownUntil = DateTimeOffset.MaxValue;
            world.Gateways["gw-8"].Imported.Add("Hotfix One");
        });
    }

    [OneTimeTearDown]
    public async Task StopFleet() => await _fleet.DisposeAsync();

    [Test]
    public async Task AGatewayThatRefusesTheKeyIsAnAuthenticationFailure()
    {
        var r = await RunAsync(Gw(2));

        r.Error.ShouldBe(TransportError.AuthenticationFailed);
        r.Describe().ShouldContain("authentication failed: ");
        r.Describe().ShouldContain("Permission denied (publickey)");
    }

    [Test]
    public async Task AChangedHostKeyStopsTheTargetWithAWarning()
    {
        var r = await RunAsync(Gw(3));

        r.Error.ShouldBe(TransportError.HostKeyMismatch);
        r.Stderr.ShouldContain("REMOTE HOST IDENTIFICATION HAS CHANGED");
        _fleet.ConnectionsTo(_net.Address(3)).ShouldBe(1);
        (await _fleet.WorldAsync()).CommandLog.ShouldNotContain(l => l.StartsWith("gw-3:", StringComparison.Ordinal));
    }

    [Test]
    public async Task AnUnknownHostKeyIsRefusedUnlessTheConfigAcceptsNewKeys()
    {
        using var temp = new Cdt.Tests.Support.TempFolder();
        var ownKnownHosts = Path.Combine(temp.Path, "known_hosts");
        File.Copy(_fleet.KnownHostsPath, ownKnownHosts);

        var strict = await RunAsync(Gw(4));
        var notices = new List<string>();
        await using var acceptNew = Transports.Create(transport, _fleet.Settings() with { KnownHosts = ownKnownHosts, HostKeyPolicy = HostKeyPolicy.AcceptNew }, TimeProvider.System, notices.Add);
        var accepted = await acceptNew.RunAsync(Gw(4), "fw ver", Short, default);
        var again = await acceptNew.RunAsync(Gw(4), "fw ver", Short, default);

        strict.Error.ShouldBe(TransportError.UnknownHostKey);
        strict.Stderr.ShouldContain("Host key verification failed");
        accepted.Succeeded.ShouldBeTrue(accepted.Describe());
        again.Succeeded.ShouldBeTrue(again.Describe());
        (await File.ReadAllLinesAsync(ownKnownHosts)).Count(l => l.StartsWith($"[{_net.Address(4)}]:{_net.Port} ", StringComparison.Ordinal)).ShouldBe(1);
        if (transport == Transports.SshNet)
        {
            notices.ShouldHaveSingleItem().ShouldStartWith($"cdt: recorded the new host key of {_net.Address(4)} in {ownKnownHosts} (host_key_policy: accept-new): ED25519 key SHA256:");
        }
    }

    [Test]
    public async Task AnAddressNobodyListensOnIsUnreachable()
    {
        var r = await RunAsync(Gw(5));

        r.Error.ShouldBe(TransportError.Unreachable);
        r.Stderr.ShouldContain("Connection refused");
    }

    [Test]
    public async Task ACommandThatHangsIsStoppedAtItsTimeOut()
    {
        await using var shell = Transports.Create(transport, _fleet.Settings() with { ConnectTimeout = TimeSpan.FromSeconds(3) }, TimeProvider.System);
        var clock = Stopwatch.StartNew();

        var r = await shell.RunAsync(Gw(6), "fw ver", TimeSpan.FromSeconds(2), default);

        r.Error.ShouldBe(TransportError.Timeout);
        r.Describe().ShouldBe("timed out: no answer within 2s; the command was stopped");
        clock.Elapsed.ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(3), "never stopped before the connect time-out");
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(30));
    }

    [Test]
    public async Task ARebootingGatewayLooksLikeADroppedConnection()
    {
        var r = await RunAsync(Gw(7));

        r.Error.ShouldBe(TransportError.Dropped);
        r.Stderr.ShouldBe($"Connection to {_net.Address(7)} closed by remote host.");
    }

    [Test]
    public async Task AJumpHostThatIsDownIsReportedAsSuch()
    {
        await using var shell = Transports.Create(transport, _fleet.Settings(jumpHost: $"{Environment.UserName}@{_net.Address(10)}:{_net.Port}"), TimeProvider.System);

        var r = await shell.RunAsync(Gw(1), "fw ver", Short, default);

        r.Error.ShouldBe(TransportError.JumpHostDown);
        r.Describe().ShouldStartWith("jump host unreachable: ");
    }

    [Test]
    public async Task AGatewayIsReachedThroughAWorkingJumpHostWithTheSameHostKeyChecks()
    {
        await using var shell = Transports.Create(transport, _fleet.Settings(jumpHost: $"{Environment.UserName}@{_net.Address(9)}:{_net.Port}"), TimeProvider.System);

        var ok = await shell.RunAsync(Gw(1), "fw ver", Short, default);
        var wrongKeyBehindJump = await shell.RunAsync(Gw(3), "fw ver", Short, default);
        var refusedBehindJump = await shell.RunAsync(Gw(5), "fw ver", Short, default);

        ok.Succeeded.ShouldBeTrue(ok.Describe());
        refusedBehindJump.Error.ShouldBe(TransportError.Unreachable, refusedBehindJump.Stderr);
        _fleet.ConnectionsTo(_net.Address(9)).ShouldBeGreaterThanOrEqualTo(1);
        wrongKeyBehindJump.Error.ShouldBe(TransportError.HostKeyMismatch);
    }

    [Test]
    public async Task AConnectionDroppedInTheMiddleOfAnInstallLeavesTheInstallRunningToTheEnd()
    {
        await using var shell = Transports.Create(transport, _fleet.Settings(), TimeProvider.System);
        var driver = new GaiaDriver(shell, Short);

        var install = await shell.RunAsync(Gw(8), GaiaCommands.Install(Gw(8), "Hotfix One"), TimeSpan.FromMinutes(1), default);
        var installed = await Poll.UntilAsync(async () => (await driver.PackagesAsync(Gw(8), PackageListing.Installed, default)).Value?.Any(p => p.Name == "Hotfix One") == true, TimeSpan.FromSeconds(30));

        install.Error.ShouldBe(TransportError.Dropped);
        install.Stderr.ShouldContain("closed by remote host");
        installed.ShouldBeTrue();
        (await _fleet.WorldAsync()).Gateways["gw-8"].InstallCount["Hotfix One"].ShouldBe(1);
    }

    [Test]
    public async Task GenerateGivesEveryFaultyGatewayItsOwnReasonAndGoesOn()
    {
        var outcome = await GenerateAsync(sshExtra: string.Empty);
        var reasons = await File.ReadAllLinesAsync(Path.Combine(_fleet.Folder, "faults.csv.reasons.txt"));
        string Reason(int n) => reasons.Single(l => l.StartsWith($"gw-{n}: ", StringComparison.Ordinal))[$"gw-{n}: ".Length..];

        outcome.ExitCode.ShouldBe(0, outcome.Error);
        Reason(2).ShouldBe($"authentication failed: {Environment.UserName}@{_net.Address(2)}: Permission denied (publickey).");
        Reason(3).ShouldBe($"host key mismatch: Host key for [{_net.Address(3)}]:{_net.Port} has changed and you have requested strict checking.");
        Reason(4).ShouldBe($"unknown host key: No ED25519 host key is known for [{_net.Address(4)}]:{_net.Port} and you have requested strict checking.");
        Reason(5).ShouldBe($"unreachable: ssh: connect to host {_net.Address(5)} port {_net.Port}: Connection refused");
        Reason(6).ShouldBe("timed out: no answer within 2m; the command was stopped");
        Reason(7).ShouldBe($"connection dropped: Connection to {_net.Address(7)} closed by remote host.");
        reasons.ShouldNotContain(l => l.StartsWith("gw-1: ", StringComparison.Ordinal) || l.StartsWith("gw-8: ", StringComparison.Ordinal));
    }

    [Test]
    public async Task AJumpHostThatIsDownMakesEveryRowNotApplicableWithThatReason()
    {
        var outcome = await GenerateAsync(sshExtra: $"  jump_host: {Environment.UserName}@{_net.Address(10)}:{_net.Port}");

        var reasons = await File.ReadAllLinesAsync(Path.Combine(_fleet.Folder, "faults.csv.reasons.txt"));

        outcome.ExitCode.ShouldBe(0, outcome.Error);
        outcome.Out.ShouldStartWith("0 gateway(s) to install");
        reasons.Skip(2).ShouldAllBe(l => l.Contains(": jump host unreachable: ", StringComparison.Ordinal) && l.Contains(_net.Address(10), StringComparison.Ordinal));
        reasons.Length.ShouldBe(10);
    }

    private async Task<Cdt.Tests.Support.CliRunner.Outcome> GenerateAsync(string sshExtra)
    {
        var config = Path.Combine(_fleet.Folder, "faults.conf");
        await File.WriteAllTextAsync(config, _fleet.Config(sshExtra: sshExtra, connectTimeout: TimeSpan.FromSeconds(10), extra: "package:\n  path: hotfix.tgz\n  name: Hotfix One\n  versions: [R81.20]\n", transport: transport));
        return await Cdt.Tests.Support.CliRunner.RunAsync(_fleet.Folder, null, null, false, _fleet.Time, "generate", "--config", config, "--candidates", "faults.csv", "--force");
    }

    private async Task<CommandResult> RunAsync(Target t)
    {
        await using var shell = Transports.Create(transport, _fleet.Settings(), TimeProvider.System);
        return await shell.RunAsync(t, "fw ver", Short, default);
    }
}
