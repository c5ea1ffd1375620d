using System.Text.Json.Nodes;
using Cdt.Fleet;
using Cdt.GatewayEmulator.Sshd;
using Cdt.IntegrationTests.Support;
using Cdt.ManagementEmulator;
using NUnit.Framework;
using Shouldly;

namespace Cdt.IntegrationTests.Management;

/// <summary>
/// <c>cdt inventory export</c> and <c>cdt generate</c>, run as the cdt executable, against the
/// Management API emulator over real HTTPS with the certificate pinned: the fleet of the SSH tests,
/// an object type cdt does not know, and every fault the server can show. Every session cdt opens
/// is closed, and no secret (password, API key, session id) shows in output or in any file.
/// </summary>
public class ManagementInventoryTests
{
    private const string Password = "pw-Zq8!vX2#kT";
    private const string ApiKey = "key-7fHq2LmN9pWx";
    private const string PasswordVariable = "CDT_TEST_MGMT_PASSWORD";
    private const string KeyVariable = "CDT_TEST_MGMT_KEY";

    private ManagementEmulator.ManagementEmulator _emulator = null!;
    private string _folder = null!;
    private int _logins;
    private int _logouts;

    private string Name => _emulator.Server.GetLeftPart(UriPartial.Authority);

    [OneTimeSetUp]
    public async Task StartServer()
    {
        var fleet = InventoryLoader.LoadText("standard", TestFleets.Standard(LoopbackNet.Pick()));
        var world = WorldFromInventory.Build(fleet).WithDomains("Domain-A", "Domain-B");
        world.Add(new JsonObject { ["name"] = "lab-router", ["type"] = "interoperable-device", ["ipv4-address"] = "127.0.0.99" });
        _emulator = await ManagementEmulator.ManagementEmulator.StartAsync(world, new ManagementCredentials("cdt-api", Password, ApiKey));
    }

    [OneTimeTearDown]
    public async Task StopServer() => await _emulator.DisposeAsync();

    [SetUp]
    public async Task FreshFolder()
    {
        _folder = Directory.CreateTempSubdirectory("cdt-mgmt-").FullName;
        await File.WriteAllTextAsync(Path.Combine(_folder, TestFleets.PackageFile), "package bytes");
        var faults = _emulator.Faults;
        (faults.RefuseLogins, faults.ExpireSessionAfterCalls, faults.ShortPageAtOffset, faults.GarbledCall, faults.HangingCall) = (false, null, null, null, null);
        (_logins, _logouts) = (_emulator.Counters.Logins, _emulator.Counters.Logouts);
    }

    [TearDown]
    public void RemoveFolder() => Directory.Delete(_folder, recursive: true);

    [Test]
    public async Task ExportWritesTheServersFleetAsAnInventoryAndLogsOut()
    {
        var pages = _emulator.Counters.Calls("show-gateways-and-servers");
        var clusters = _emulator.Counters.Calls("show-simple-cluster");

        var run = await ExportAsync(Config());

        run.ExitCode.ShouldBe(0, run.Error);
        var text = await File.ReadAllTextAsync(Path.Combine(_folder, "fleet.yml"));
        text.ShouldStartWith("# Read from the Management API of " + Name + " (domain Domain-A) at ");
        text.ShouldContain("# left out: mgmt (checkpoint-host): a management or log server, not a gateway");
        text.ShouldContain("  - name: lab-router\n    ip: 127.0.0.99\n    not_applicable: \"object type 'interoperable-device' is not one cdt knows\"");
        var exported = InventoryLoader.LoadText("fleet.yml", text);
        exported.Gateways.Count.ShouldBe(24);
        exported.Clusters.Select(c => (c.Name, c.Kind, c.Members.Count)).ShouldBe([("cl-a", ClusterKind.ClusterXlHa, 2), ("cl-b", ClusterKind.ClusterXlHa, 3), ("cl-v", ClusterKind.Vrrp, 2)]);
        (_emulator.Counters.Calls("show-gateways-and-servers") - pages).ShouldBe(3, "28 objects in pages of 10");
        (_emulator.Counters.Calls("show-simple-cluster") - clusters).ShouldBe(3);
        run.Error.ShouldContain("24 gateways and 3 clusters from " + Name + " written to ");
        AssertLoggedOutAndNoSecretShown(run);
    }

    [Test]
    public async Task AnApiKeyAndACaFileWorkAsWell()
    {
        var ca = Path.Combine(_folder, "mgmt-ca.pem");
        await File.WriteAllTextAsync(ca, _emulator.CertificatePem);
        var config = Config().Replace("    user: cdt-api\n    password_env: " + PasswordVariable, "    api_key_env: " + KeyVariable, StringComparison.Ordinal)
            .Replace("fingerprint: " + _emulator.Fingerprint, "ca_file: mgmt-ca.pem", StringComparison.Ordinal);

        var run = await ExportAsync(config);

        run.ExitCode.ShouldBe(0, run.Error);
        File.Exists(Path.Combine(_folder, "fleet.yml")).ShouldBeTrue();
        AssertLoggedOutAndNoSecretShown(run);
    }

    [Test]
    public async Task GenerateReadsTheServerAndListsEveryObject()
    {
        await File.WriteAllTextAsync(Path.Combine(_folder, "cdt.conf"), Config());

        var run = await CdtProcess.RunAsync(_folder, Secrets(), "generate", "--config", "cdt.conf", "--candidates", "list.csv");

        run.ExitCode.ShouldBe(0, run.Error);
        run.Error.ShouldContain("inventory read from " + Name + " (24 gateways)");
        var rows = (await File.ReadAllLinesAsync(Path.Combine(_folder, "list.csv"))).Skip(1).Select(l => l.Split(',')).ToList();
        rows.Count.ShouldBe(24);
        rows.Single(r => r[0] == "lab-router")[5].ShouldBe("N/A");
        rows.Where(r => r[1] == "cl-b").Select(r => r[5]).Distinct().Count().ShouldBe(1, "a cluster stays in one batch");
        File.Exists(Path.Combine(_folder, "state", "management-inventory.yml")).ShouldBeTrue();
        AssertLoggedOutAndNoSecretShown(run);
    }

    [TestCase("wrong password", "login", "login refused, HTTP 401 (err_login_failed: Authentication to server failed.): check the user, the domain 'Domain-A' and the environment variables named in cdt.conf", false)]
    [TestCase("unknown domain", "login", "login refused, HTTP 400 (err_login_failed: Login to domain [Domain-Z] failed: the domain was not found.)", false)]
    [TestCase("expired session", "show-gateways-and-servers", "the session was refused, HTTP 401 (generic_err_wrong_session_id: Wrong session id [(session id)].", true)]
    [TestCase("short page", "show-gateways-and-servers", "the page at offset 10 came back as objects 11 to 15 of 28 (5 listed): the server cut the list short or it changed while read; run again", true)]
    [TestCase("garbled reply", "show-gateways-and-servers", "unexpected reply: the JSON at $.objects is not what show-gateways-and-servers returns", true)]
    [TestCase("certificate mismatch", "login", "does not match the pinned fingerprint: check 'fingerprint' or 'ca_file' in cdt.conf", false)]
    public async Task AFaultIsOneLineNamingTheServerAndTheCallAndNothingIsWritten(string fault, string call, string what, bool loggedIn)
    {
        var config = Config();
        switch (fault)
        {
            case "wrong password":
                config = config.Replace(PasswordVariable, PasswordVariable + "_OLD", StringComparison.Ordinal);
                break;
            case "unknown domain":
                config = config.Replace("Domain-A", "Domain-Z", StringComparison.Ordinal);
                break;
            case "expired session":
                _emulator.Faults.ExpireSessionAfterCalls = 1;
                break;
            case "short page":
                _emulator.Faults.ShortPageAtOffset = 10;
                break;
            case "garbled reply":
                _emulator.Faults.GarbledCall = "show-gateways-and-servers";
                break;
            default:
                config = config.Replace(_emulator.Fingerprint, "SHA256:" + new string('A', 64), StringComparison.Ordinal);
                break;
        }

        var run = await ExportAsync(config);

        AssertOneFaultLine(run, Name, call, what);
        (_emulator.Counters.Logins - _logins).ShouldBe(loggedIn ? 1 : 0);
        AssertLoggedOutAndNoSecretShown(run);
    }

    [Test]
    public async Task GenerateWritesNothingWhenTheSessionExpiresHalfWay()
    {
        _emulator.Faults.ExpireSessionAfterCalls = 2;
        await File.WriteAllTextAsync(Path.Combine(_folder, "cdt.conf"), Config());

        var run = await CdtProcess.RunAsync(_folder, Secrets(), "generate", "--config", "cdt.conf", "--candidates", "list.csv");

        AssertOneFaultLine(run, Name, "show-gateways-and-servers", "the session was refused, HTTP 401");
        File.Exists(Path.Combine(_folder, "list.csv")).ShouldBeFalse();
        File.Exists(Path.Combine(_folder, "state", "management-inventory.yml")).ShouldBeFalse();
        AssertLoggedOutAndNoSecretShown(run);
    }

    [Test]
    public async Task ACallThatNeverAnswersTimesOutAndTheSessionIsStillClosed()
    {
        _emulator.Faults.HangingCall = "show-simple-cluster";

        var run = await ExportAsync(Config("    timeout: 2s\n"));

        AssertOneFaultLine(run, Name, "show-simple-cluster", "no answer within 2 s");
        (_emulator.Counters.Logins - _logins).ShouldBe(1);
        AssertLoggedOutAndNoSecretShown(run);
    }

    [Test]
    public async Task AServerThatAcceptsAndNeverAnswersTimesOut()
    {
        using var silent = new SilentServer();
        var config = Config("    timeout: 2s\n").Replace(_emulator.Server.ToString(), silent.Server.ToString(), StringComparison.Ordinal);

        var run = await ExportAsync(config);

        AssertOneFaultLine(run, silent.Server.GetLeftPart(UriPartial.Authority), "login", "no answer within 2 s");
        silent.Accepted.ShouldBeGreaterThanOrEqualTo(1);
        AssertLoggedOutAndNoSecretShown(run);
    }

    private static void AssertOneFaultLine(CdtProcess.Outcome run, string server, string call, string what)
    {
        run.ExitCode.ShouldBe(2, run.Error);
        run.Out.ShouldBeEmpty();
        var lines = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(1, run.Error);
        lines[0].ShouldContain($"management server {server}: {call}: ");
        lines[0].ShouldContain(what);
    }

    private async Task<CdtProcess.Outcome> ExportAsync(string config)
    {
        await File.WriteAllTextAsync(Path.Combine(_folder, "cdt.conf"), config);
        var run = await CdtProcess.RunAsync(_folder, Secrets(), "inventory", "export", "--config", "cdt.conf", "--out", "fleet.yml");
        if (run.ExitCode != 0)
        {
            File.Exists(Path.Combine(_folder, "fleet.yml")).ShouldBeFalse("nothing is written when the server fails");
        }

        return run;
    }

    /// <summary>Every session opened was closed by a logout cdt sent, and no secret is in the output or in any file cdt left.</summary>
    private void AssertLoggedOutAndNoSecretShown(CdtProcess.Outcome run)
    {
        _emulator.OpenSessions.ShouldBe(0);
        (_emulator.Counters.Logouts - _logouts).ShouldBe(_emulator.Counters.Logins - _logins, "one logout per login");
        var seen = new List<string> { run.Out, run.Error };
        seen.AddRange(Directory.EnumerateFiles(_folder, "*", SearchOption.AllDirectories).Select(File.ReadAllText));
        string[] secrets = [Password, ApiKey, .. _emulator.Counters.IssuedSids];
        foreach (var text in seen)
        {
            foreach (var secret in secrets)
            {
                text.ShouldNotContain(secret);
            }
        }
    }

    private static Dictionary<string, string> Secrets() => new()
    {
        [PasswordVariable] = Password,
        [PasswordVariable + "_OLD"] = "an-old-password",
        [KeyVariable] = ApiKey,
    };

    private string Config(string extra = "") => $"""
        inventory:
          management:
            server: {_emulator.Server}
            domain: Domain-A
            user: cdt-api
            password_env: {PasswordVariable}
            fingerprint: {_emulator.Fingerprint}
            page_size: 10
        {extra}state_dir: state
        package:
          path: {TestFleets.PackageFile}
          name: {TestFleets.PackageName}
          versions: [R81.20]
        generate:
          probe: false

        """;
}
