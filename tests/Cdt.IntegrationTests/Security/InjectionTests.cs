using Cdt.Gaia;
using Cdt.GatewayEmulator.Sshd;
using Cdt.IntegrationTests.Support;
using Cdt.Tests.Support;
using Cdt.Transport;
using NUnit.Framework;
using Shouldly;

namespace Cdt.IntegrationTests.Security;

/// <summary>
/// Shell syntax in inventory entries, cdt.conf values and CSV cells never runs on a gateway: cdt
/// refuses such values before it sends anything, and quotes everything it sends. The emulated
/// gateways run commands in a restricted bash whose PATH holds only Gaia stubs, and report any
/// other command; the canary file would appear if anything got through.
/// </summary>
[TestFixture(Transports.SshNet)]
[TestFixture(Transports.OpenSsh)]
public class InjectionTests(string transport)
{
    private static readonly TimeSpan Short = TimeSpan.FromSeconds(60);
    private LoopbackNet _net = null!;
    private SshdFleet _fleet = null!;
    private string _canary = null!;

    private static readonly string[] Payloads =
    [
        "; touch CANARY",
        "`touch CANARY`",
        "$(touch CANARY)",
        "' ; touch CANARY ; '",
        "\" ; touch CANARY ; \"",
        "\ntouch CANARY",
        "&& touch CANARY",
        "| touch CANARY",
    ];

    private string Evil(string payload) => payload.Replace("CANARY", _canary, StringComparison.Ordinal);

    private Target Gw(int n) => new() { Name = $"gw-{n}", Host = _net.Address(n) };

    [OneTimeSetUp]
    public async Task StartFleet()
    {
        _net = LoopbackNet.Pick();
        _fleet = await SshdFleet.StartAsync(_net, Inventory(), scale: 60);
        _canary = Path.Combine(_fleet.Folder, "canary");
    }

    [OneTimeTearDown]
    public async Task StopFleet() => await _fleet.DisposeAsync();

    private int _refusedBefore;

    [SetUp]
    public async Task CountRefusals() => _refusedBefore = (await _fleet.WorldAsync()).RefusedCommands.Count;

    [TearDown]
    public async Task NothingRanOnTheFarSide()
    {
        var world = await _fleet.WorldAsync();
        if (TestContext.CurrentContext.Test.MethodName != nameof(UnquotedShellSyntaxIsCaughtByTheEmulatorAndStillRunsNothing))
        {
            world.RefusedCommands.Count.ShouldBe(_refusedBefore, string.Join("\n", world.RefusedCommands));
        }

        File.Exists(_canary).ShouldBeFalse();
    }

    [TestCaseSource(nameof(Payloads))]
    public async Task AnInventoryEntryWithShellSyntaxStopsCdtBeforeItConnects(string payload)
    {
        var before = (await _fleet.WorldAsync()).CommandLog.Count;
        var evil = Evil(payload);
        var inventory = Path.Combine(_fleet.Folder, "evil-fleet.yml");
        await File.WriteAllTextAsync(inventory, Inventory() + $$"""
              - { name: {{Yaml(evil)}}, ip: {{_net.Address(3)}}, version: R81.20 }
              - { name: gw-9, ip: {{Yaml(_net.Address(3) + evil)}}, version: R81.20 }
              - { name: gw-8, ip: {{_net.Address(3)}}, version: R81.20, ssh: { user: {{Yaml("admin" + evil)}}, host: {{Yaml("gw" + evil)}} } }
            """);

        var outcome = await GenerateAsync(inventory, package: "R81.20 Take 92");

        outcome.ExitCode.ShouldBe(2);
        outcome.Error.ShouldContain("is not a valid object name");
        outcome.Error.ShouldContain("is not an IP address");
        outcome.Error.ShouldContain("is not a valid user name");
        outcome.Error.ShouldContain("is neither an IP address nor a host name");
        (await _fleet.WorldAsync()).CommandLog.Count.ShouldBe(before);
    }

    [TestCaseSource(nameof(Payloads))]
    public async Task APackageNameWithShellSyntaxStopsCdtBeforeItConnects(string payload)
    {
        var before = (await _fleet.WorldAsync()).CommandLog.Count;

        var outcome = await GenerateAsync(_fleet.InventoryPath, package: "R81.20 Take 92" + Evil(payload));

        outcome.ExitCode.ShouldBe(2);
        outcome.Error.ShouldContain("has characters cdt never sends to a gateway");
        (await _fleet.WorldAsync()).CommandLog.Count.ShouldBe(before);
    }

    [TestCaseSource(nameof(Payloads))]
    public async Task ACandidatesListCellWithShellSyntaxIsRefused(string payload)
    {
        var list = Path.Combine(_fleet.Folder, "evil.csv");
        await File.WriteAllTextAsync(list, $"Object Name,Cluster Name,IP Address,Version,State,Upgrade Order\ngw-1,,{_net.Address(1)},R81.20,,\"1{Evil(payload).Replace("\"", "\"\"", StringComparison.Ordinal)}\"\n\"gw-2{Evil(payload).Replace("\"", "\"\"", StringComparison.Ordinal)}\",,{_net.Address(2)},R81.20,,1\n");
        var config = await ConfigAsync(_fleet.InventoryPath, "R81.20 Take 92");

        var outcome = await CliRunner.RunAsync(_fleet.Folder, null, null, false, _fleet.Time, "validate", "--config", config, list);

        outcome.ExitCode.ShouldBe(2);
        outcome.Error.ShouldContain("evil.csv:2: ");
        outcome.Error.ShouldContain("evil.csv was not changed");
    }

    [TestCaseSource(nameof(Payloads))]
    public async Task AQuotedValueReachesTheGatewayAsOneWordAndRunsNothing(string payload)
    {
        await using var shell = Transports.Create(transport, _fleet.Settings(), _fleet.Time);
        var path = "/var/log/upload/pkg" + Evil(payload);

        var r = await shell.RunAsync(Gw(1), "md5sum " + ShellQuote.Single(path), Short, default);

        r.Answered.ShouldBeTrue(r.Describe());
        r.ExitCode.ShouldBe(1);
        r.Stderr.ShouldBe($"md5sum: {path}: No such file or directory\n");
    }

    [Test]
    public void EveryBuilderRefusesThePayloads()
    {
        foreach (var evil in Payloads.Select(Evil))
        {
            Should.Throw<UnsafeValueException>(() => GaiaCommands.Install(Gw(1), "Hotfix" + evil));
            Should.Throw<UnsafeValueException>(() => GaiaCommands.Import(Gw(1), "pkg.tgz" + evil));
            Should.Throw<UnsafeValueException>(() => GaiaCommands.Md5(Gw(1), "/var/log/upload/pkg" + evil));
            Should.Throw<UnsafeValueException>(() => RemoteFileCommands.Receive("/var/log/upload/pkg" + evil));
        }
    }

    [Test]
    public async Task PackageNamesWithSpacesParenthesesCommasAndPlusesAreInstalledIntact()
    {
        const string name = "R81.20 Jumbo Hotfix (Take 92), part+2";
        await using var shell = Transports.Create(transport, _fleet.Settings(), _fleet.Time);
        using var temp = new TempFolder();
        var local = temp.Write("hotfix_plus.tgz", "package bytes");

        var sent = await shell.SendFileAsync(Gw(2), local, GaiaCommands.UploadFolder + "/hotfix_plus.tgz", Short, default);
        var imported = await shell.RunAsync(Gw(2), GaiaCommands.Import(Gw(2), "hotfix_plus.tgz"), Short, default);
        var installed = await shell.RunAsync(Gw(2), GaiaCommands.Install(Gw(2), name), Short, default);

        sent.Succeeded.ShouldBeTrue(sent.Describe());
        imported.Succeeded.ShouldBeTrue(imported.Describe());
        installed.Succeeded.ShouldBeTrue(installed.Describe());
        var world = await _fleet.WorldAsync();
        world.CommandLog.ShouldContain($"gw-2: clish -c 'installer install \"{name}\" not-interactive'");
        world.Gateways["gw-2"].InstallCount[name].ShouldBe(1);
    }

    /// <summary>The control experiment: without quoting, the far side would run the payload, and the emulator sees it.</summary>
    [Test]
    public async Task UnquotedShellSyntaxIsCaughtByTheEmulatorAndStillRunsNothing()
    {
        await using var shell = Transports.Create(transport, _fleet.Settings(), _fleet.Time);

        var r = await shell.RunAsync(Gw(1), $"md5sum /var/log/x; touch {_canary}; echo $(touch {_canary}); fw ver > {_canary}", Short, default);

        r.Answered.ShouldBeTrue(r.Describe());
        var world = await _fleet.WorldAsync();
        world.RefusedCommands.Skip(_refusedBefore).ShouldBe([
            $"gw-1: touch {_canary}",
            $"gw-1: touch {_canary}",
            $"gw-1: bash -r: /bin/bash: line 1: {_canary}: restricted: cannot redirect output",
        ]);
        File.Exists(_canary).ShouldBeFalse();
    }

    private string Inventory() => $$"""
        packages:
          - { file: hotfix_plus.tgz, name: "R81.20 Jumbo Hotfix (Take 92), part+2" }
        gateways:
          - { name: gw-1, ip: {{_net.Address(1)}}, version: R81.20 }
          - { name: gw-2, ip: {{_net.Address(2)}}, version: R81.20, simulation: { install: 1m, reboot: 10s } }

        """;

    private async Task<CliRunner.Outcome> GenerateAsync(string inventory, string package)
    {
        var config = await ConfigAsync(inventory, package);
        return await CliRunner.RunAsync(_fleet.Folder, null, null, false, _fleet.Time, "generate", "--config", config, "--candidates", "evil-list.csv", "--force");
    }

    private async Task<string> ConfigAsync(string inventory, string package)
    {
        var config = Path.Combine(_fleet.Folder, "evil.conf");
        var text = _fleet.Config($"package:\n  path: pkg_R81_20_.tgz\n  name: {Yaml(package)}\n  versions: [R81.20]\n", transport: transport).Replace(_fleet.InventoryPath, inventory, StringComparison.Ordinal);
        await File.WriteAllTextAsync(config, text);
        return config;
    }

    /// <summary>A YAML double-quoted scalar holding exactly <paramref name="value"/>.</summary>
    private static string Yaml(string value) =>
        "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal) + "\"";
}
