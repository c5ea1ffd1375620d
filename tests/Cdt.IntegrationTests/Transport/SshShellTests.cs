using System.Security.Cryptography;
using Cdt.Fleet;
using Cdt.Gaia;
using Cdt.GatewayEmulator.Sshd;
using Cdt.IntegrationTests.Support;
using Cdt.Transport;
using NUnit.Framework;
using Shouldly;

namespace Cdt.IntegrationTests.Transport;

/// <summary>Both SSH transports (SSH.NET and the OpenSSH client) against real sshd processes and the gateway emulator.</summary>
[TestFixture(Transports.SshNet)]
[TestFixture(Transports.OpenSsh)]
[NonParallelizable]
public class SshShellTests(string transport)
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
            gateways:
              - { name: gw-1, ip: {{_net.Address(1)}}, version: R81.20 }
              - { name: gw-2, ip: {{_net.Address(2)}}, version: R81.20, simulation: { faults: [corrupt_transfer] } }
              - { name: gw-3, ip: {{_net.Address(3)}}, version: R81.20 }
              - { name: gw-4, ip: {{_net.Address(4)}}, version: R81.20 }
            """;
        _fleet = await SshdFleet.StartAsync(_net, yaml, scale: 60);
    }

    [OneTimeTearDown]
    public async Task StopFleet() => await _fleet.DisposeAsync();

    [Test]
    public async Task CommandsShareOneTcpConnectionPerGatewayWhichIsClosedAtTheEnd()
    {
        var shell = Transports.Create(transport, _fleet.Settings(), TimeProvider.System);
        var results = new List<CommandResult>();
        for (var i = 0; i < 3; i++)
        {
            results.Add(await shell.RunAsync(Gw(4), "fw ver", Short, default));
        }

        await shell.DisposeAsync();

        results.ShouldAllBe(r => r.Succeeded);
        SimpleParsers.Version(results[2].Stdout).Value.ShouldBe("R81.20");
        _fleet.ConnectionsTo(_net.Address(4)).ShouldBe(1);
        Transports.ConnectionsOpened(shell, "gw-4").ShouldBe(1);
        if (shell is Cdt.Transport.OpenSsh.OpenSshShell openSsh)
        {
            Directory.Exists(openSsh.ControlFolder).ShouldBeFalse();
            Processes.WithArgument(openSsh.ControlFolder).ShouldBeEmpty("the shared connection (ssh -M) must be closed");
        }
    }

    [Test]
    public async Task AConnectionThatDiesIsOpenedAgainForTheNextCommand()
    {
        await using var shell = Transports.Create(transport, _fleet.Settings(), TimeProvider.System);
        var before = await shell.RunAsync(Gw(1), "fw ver", Short, default);
        var connectionsBefore = _fleet.ConnectionsTo(_net.Address(1));

        _fleet.DropConnections().ShouldBeGreaterThanOrEqualTo(1);
        var back = await Poll.UntilAsync(async () => (await shell.RunAsync(Gw(1), "fw ver", Short, default)).Succeeded, TimeSpan.FromSeconds(30));

        before.Succeeded.ShouldBeTrue(before.Describe());
        back.ShouldBeTrue();
        Transports.ConnectionsOpened(shell, "gw-1").ShouldBe(2);
        _fleet.ConnectionsTo(_net.Address(1)).ShouldBe(connectionsBefore + 1);
    }

    [Test]
    public async Task ASentFileArrivesInTheGatewaysFolderAndComesBackTheSame()
    {
        using var temp = new Cdt.Tests.Support.TempFolder();
        var bytes = RandomNumberGenerator.GetBytes(300_000);
        var local = Path.Combine(temp.Path, "pkg.tgz");
        await File.WriteAllBytesAsync(local, bytes);
        await using var shell = Transports.Create(transport, _fleet.Settings(), TimeProvider.System);

        var sent = await shell.SendFileAsync(Gw(3), local, "/var/log/upload/pkg.tgz", Short, default);
        var fetched = await shell.FetchFileAsync(Gw(3), "/var/log/upload/pkg.tgz", Path.Combine(temp.Path, "back.tgz"), Short, default);

        sent.Succeeded.ShouldBeTrue(sent.Describe());
        fetched.Succeeded.ShouldBeTrue(fetched.Describe());
        (await File.ReadAllBytesAsync(Path.Combine(_fleet.State.FilesOf("gw-3"), "var/log/upload/pkg.tgz"))).ShouldBe(bytes);
        (await File.ReadAllBytesAsync(Path.Combine(temp.Path, "back.tgz"))).ShouldBe(bytes);
        File.Exists("/var/log/upload/pkg.tgz").ShouldBeFalse();
    }

    [Test]
    public async Task ACopyWhoseChecksumDiffersOnTheGatewayIsAFailedSend()
    {
        using var temp = new Cdt.Tests.Support.TempFolder();
        var local = temp.Write("pkg.tgz", "payload");
        await using var shell = Transports.Create(transport, _fleet.Settings(), TimeProvider.System);

        var sent = await shell.SendFileAsync(Gw(2), local, "/var/log/upload/pkg.tgz", Short, default);

        sent.Succeeded.ShouldBeFalse();
        sent.Stderr.ShouldStartWith("checksum mismatch after copying to /var/log/upload/pkg.tgz: sent md5 321c3cf486ed509164edec1e1981fec8, the gateway has 00000000000000000000000000000000");
    }

    [Test]
    public async Task AFetchOfAMissingFileSaysSoAndLeavesNothingBehind()
    {
        using var temp = new Cdt.Tests.Support.TempFolder();
        await using var shell = Transports.Create(transport, _fleet.Settings(), TimeProvider.System);

        var fetched = await shell.FetchFileAsync(Gw(1), "/var/log/nothing.log", Path.Combine(temp.Path, "x.log"), Short, default);

        fetched.Answered.ShouldBeTrue();
        fetched.ExitCode.ShouldBe(1);
        fetched.Stderr.ShouldContain("No such file or directory");
        Directory.GetFiles(temp.Path).ShouldBeEmpty();
    }

    [Test]
    public async Task OutputBeyondTheCapIsDroppedAndSaidSo()
    {
        await using var shell = Transports.Create(transport, _fleet.Settings() with { MaxOutput = 1024 }, TimeProvider.System);

        var r = await shell.RunAsync(Gw(1), "cphaprob state; fw ver; fw ver; fw ver; fw ver; fw ver; fw ver; fw ver; fw ver; fw ver; fw ver; fw ver; fw ver; fw ver; fw ver; fw ver; fw ver; fw ver; fw ver; fw ver", Short, default);

        r.Stdout.Length.ShouldBe(1024);
        r.Stderr.ShouldContain("[cdt: output beyond 1024 bytes was dropped]");
    }

    [Test]
    public async Task AClishLoginCannotTakeFiles()
    {
        await using var shell = Transports.Create(transport, _fleet.Settings(), TimeProvider.System);

        var r = await shell.SendFileAsync(Gw(1) with { Shell = LoginShell.Clish }, "/etc/hostname", "/var/log/upload/x", Short, default);

        r.Succeeded.ShouldBeFalse();
        r.Stderr.ShouldContain("file copies need an Expert (bash) login shell");
    }
}
