using Cdt.Fleet;
using Cdt.IntegrationTests.Support;
using Cdt.ManagementEmulator;
using Cdt.Tests.Support;
using NUnit.Framework;
using Shouldly;

namespace Cdt.IntegrationTests.Management;

/// <summary>
/// The policy after the package, end to end: the cdt executable reads its inventory from the
/// Management API emulator (real HTTPS, pinned certificate), installs the package on the simulated
/// fleet, and installs the policy through the emulator's <c>install-policy</c> and <c>show-task</c>:
/// once per unit (a cluster on its object, never per member), a locked object or a failed task a
/// failure of that unit with a clear message, every session closed and no secret shown.
/// </summary>
public class PolicyInstallTests
{
    private const string Password = "pw-Hq4!rT9#kZ";
    private const string PasswordVariable = "CDT_TEST_MGMT_PASSWORD";

    /// <summary>Every object an installation could target: the units' and the members'.</summary>
    private static readonly string[] Objects = ["gw-01", "gw-02", "cl-a", "cl-a-m1", "cl-a-m2", "cl-v", "cl-v-m1", "cl-v-m2"];

    private ManagementEmulator.ManagementEmulator _emulator = null!;
    private string _folder = null!;
    private int _logins;
    private int _logouts;

    private string Name => _emulator.Server.GetLeftPart(UriPartial.Authority);

    [OneTimeSetUp]
    public async Task StartServer()
    {
        var fleet = new FleetBuilder().Package(TestFleets.PackageFile, TestFleets.PackageName)
            .Gateway("gw-01", "127.0.0.1", "R81.20")
            .Gateway("gw-02", "127.0.0.2", "R81.20")
            .Cluster("cl-a", "clusterxl-ha", "R81.20", [new("127.0.0.3", "active"), new("127.0.0.4", "standby")])
            .Cluster("cl-v", "vrrp", "R81.20", [new("127.0.0.5", "master"), new("127.0.0.6", "backup")])
            .ToString();
        var world = WorldFromInventory.Build(InventoryLoader.LoadText("policy", fleet));
        _emulator = await ManagementEmulator.ManagementEmulator.StartAsync(world, new ManagementCredentials("cdt-api", Password, "unused-key"));
    }

    [OneTimeTearDown]
    public async Task StopServer() => await _emulator.DisposeAsync();

    [SetUp]
    public async Task FreshFolder()
    {
        _folder = Directory.CreateTempSubdirectory("cdt-policy-").FullName;
        await File.WriteAllTextAsync(Path.Combine(_folder, TestFleets.PackageFile), "package bytes");
        _emulator.Policies.Faults.Clear();
        _emulator.Faults.ExpireSessionAfterCalls = null;
        (_logins, _logouts) = (_emulator.Counters.Logins, _emulator.Counters.Logouts);
    }

    [TearDown]
    public void RemoveFolder() => Directory.Delete(_folder, recursive: true);

    [Test]
    public async Task EachUnitGetsTheAccessAndThreatPolicyOnceByDefault()
    {
        var before = Installs();

        var run = await GenerateAndExecuteAsync(Config());

        run.ExitCode.ShouldBe(0, run.Error);
        run.Error.ShouldContain("execute.install_policy is not set: as CDT does with an inventory from the management server, the Access Control and Threat Prevention policy is installed on each unit after its package");
        Delta(before).ShouldBe(new Dictionary<string, int> { ["gw-01"] = 1, ["gw-02"] = 1, ["cl-a"] = 1, ["cl-v"] = 1 });
        var bodies = _emulator.Policies.Requests.TakeLast(4).ToList();
        bodies.ShouldAllBe(b => b["policy-package"]!.GetValue<string>() == "Standard" && b["access"]!.GetValue<bool>() && b["threat-prevention"]!.GetValue<bool>());
        var results = await ResultsAsync();
        results.Count.ShouldBe(6);
        results.ShouldAllBe(r => r.Contains(",succeeded,", StringComparison.Ordinal) && r.Contains("policy Standard installed (Access Control and Threat Prevention)", StringComparison.Ordinal));
        AssertLoggedOutAndNoSecretShown(run);
    }

    [Test]
    public async Task APolicyPackageAndAccessOnlyAreSentAsConfigured()
    {
        var run = await GenerateAndExecuteAsync(Config("  install_policy: access\n  policy_package: Branch\n"));

        run.ExitCode.ShouldBe(0, run.Error);
        run.Error.ShouldNotContain("install_policy is not set");
        var body = _emulator.Policies.Requests.Last();
        body["policy-package"]!.GetValue<string>().ShouldBe("Branch");
        body["access"]!.GetValue<bool>().ShouldBeTrue();
        body["threat-prevention"]!.GetValue<bool>().ShouldBeFalse();
        AssertLoggedOutAndNoSecretShown(run);
    }

    [Test]
    public async Task ALockedClusterFailsItsMembersAndNothingElse()
    {
        _emulator.Policies.Faults.LockedTargets.Add("cl-a");
        var before = Installs();
        var calls = _emulator.Policies.Calls("cl-a");

        var run = await GenerateAndExecuteAsync(Config());

        run.ExitCode.ShouldBe(1, run.Error);
        Delta(before).ShouldBe(new Dictionary<string, int> { ["gw-01"] = 1, ["gw-02"] = 1, ["cl-v"] = 1 });
        (_emulator.Policies.Calls("cl-a") - calls).ShouldBe(1, "a refused installation is not tried again");
        var results = await ResultsAsync();
        var members = results.Where(r => r.StartsWith("cl-a-", StringComparison.Ordinal)).ToList();
        members.Count.ShouldBe(2);
        members.ShouldAllBe(r => r.Contains(",failed,", StringComparison.Ordinal)
            && r.Contains($"the package is installed but the policy is not: management server {Name}: install-policy: HTTP 409 (generic_err_object_locked: Object [cl-a] is locked by another session", StringComparison.Ordinal)
            && r.Contains("publish or discard that session in SmartConsole", StringComparison.Ordinal));
        results.Where(r => !r.StartsWith("cl-a-", StringComparison.Ordinal)).ShouldAllBe(r => r.Contains(",succeeded,", StringComparison.Ordinal));
        AssertLoggedOutAndNoSecretShown(run);
    }

    [Test]
    public async Task ATaskThatFailsFailsItsUnitWithTheServersReason()
    {
        _emulator.Policies.Faults.FailingTargets.Add("gw-02");
        _emulator.Policies.Faults.PollsInProgress = 3;

        var run = await GenerateAndExecuteAsync(Config());

        run.ExitCode.ShouldBe(1, run.Error);
        var row = (await ResultsAsync()).Single(r => r.StartsWith("gw-02,", StringComparison.Ordinal));
        row.ShouldContain(",failed,");
        row.ShouldContain("the package is installed but the policy is not: the installation of policy Standard failed: task ");
        row.ShouldContain("failed (100%): Policy verification failed on gw-02: the installation was not completed");
        run.Error.ShouldContain("gw-02: policy failed:");
        AssertLoggedOutAndNoSecretShown(run);
    }

    [Test]
    public async Task SucceededWithWarningsIsASuccessAndPartiallySucceededAFailure()
    {
        _emulator.Policies.Faults.FinalStatus["gw-01"] = "succeeded with warnings";
        _emulator.Policies.Faults.FinalStatus["gw-02"] = "partially succeeded";

        var run = await GenerateAndExecuteAsync(Config());

        run.ExitCode.ShouldBe(1, run.Error);
        var results = await ResultsAsync();
        results.Single(r => r.StartsWith("gw-01,", StringComparison.Ordinal)).ShouldContain(",succeeded,");
        var failed = results.Single(r => r.StartsWith("gw-02,", StringComparison.Ordinal));
        failed.ShouldContain(",failed,");
        failed.ShouldContain("partially succeeded (100%): Policy installed");
        AssertLoggedOutAndNoSecretShown(run);
    }

    [Test]
    public async Task ASessionTheServerEndsBetweenUnitsIsOpenedAgain()
    {
        var before = Installs();

        var run = await GenerateAndExecuteAsync(Config(), afterGenerate: () => _emulator.Faults.ExpireSessionAfterCalls = 3);

        run.ExitCode.ShouldBe(0, run.Error);
        Delta(before).Values.ShouldAllBe(n => n == 1);
        Delta(before).Count.ShouldBe(4);
        (_emulator.Counters.Logins - _logins).ShouldBeGreaterThan(2, "the run logged in again after its session ended");
        AssertLoggedOutAndNoSecretShown(run, logins: null);
    }

    [Test]
    public async Task ATaskThatNeverEndsFailsItsUnitAtThePolicyTimeOut()
    {
        _emulator.Policies.Faults.EndlessTargets.Add("cl-v");

        var run = await GenerateAndExecuteAsync(Config("  policy_timeout: 10m\n"));

        run.ExitCode.ShouldBe(1, run.Error);
        var members = (await ResultsAsync()).Where(r => r.StartsWith("cl-v-", StringComparison.Ordinal)).ToList();
        members.Count.ShouldBe(2);
        members.ShouldAllBe(r => r.Contains("the package is installed but the policy is not: the installation of policy Standard did not end within 10m (policy_timeout; last seen: in progress (50%)); check task ", StringComparison.Ordinal));
        AssertLoggedOutAndNoSecretShown(run);
    }

    [Test]
    public async Task ALoginRefusedAtExecuteIsExitTwoBeforeAnyGatewayIsTouched()
    {
        await File.WriteAllTextAsync(Path.Combine(_folder, "cdt.conf"), Config());
        (await CdtProcess.RunAsync(_folder, Secrets(), "generate", "--config", "cdt.conf", "--candidates", "list.csv")).ExitCode.ShouldBe(0);
        var before = Installs();

        var run = await CdtProcess.RunAsync(_folder, new Dictionary<string, string> { [PasswordVariable] = "an-old-password" }, "execute", "--config", "cdt.conf", "list.csv");

        run.ExitCode.ShouldBe(2, run.Error);
        var lines = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(1, run.Error);
        lines[0].ShouldContain($"management server {Name}: login: login refused, HTTP 401 (err_login_failed: Authentication to server failed.)");
        Directory.Exists(Path.Combine(_folder, "logs")).ShouldBeFalse("no run started");
        Delta(before).ShouldBeEmpty();
        AssertLoggedOutAndNoSecretShown(run, logins: 1);
    }

    private Dictionary<string, int> Installs() => Objects.ToDictionary(t => t, _emulator.Policies.Installs);

    private Dictionary<string, int> Delta(Dictionary<string, int> before) =>
        Installs().Select(kv => (kv.Key, Count: kv.Value - before[kv.Key])).Where(d => d.Count != 0).ToDictionary(d => d.Key, d => d.Count);

    private async Task<CdtProcess.Outcome> GenerateAndExecuteAsync(string config, Action? afterGenerate = null)
    {
        await File.WriteAllTextAsync(Path.Combine(_folder, "cdt.conf"), config);
        var generate = await CdtProcess.RunAsync(_folder, Secrets(), "generate", "--config", "cdt.conf", "--candidates", "list.csv");
        generate.ExitCode.ShouldBe(0, generate.Error);
        afterGenerate?.Invoke();
        return await CdtProcess.RunAsync(_folder, Secrets(), "execute", "--config", "cdt.conf", "list.csv");
    }

    private async Task<List<string>> ResultsAsync()
    {
        var path = Directory.GetFiles(Path.Combine(_folder, "logs"), "results.csv", SearchOption.AllDirectories).Single();
        return [.. (await File.ReadAllLinesAsync(path)).Skip(1)];
    }

    /// <summary>Every session opened was closed by a logout cdt sent, and no secret is in the output or in any file cdt left.</summary>
    private void AssertLoggedOutAndNoSecretShown(CdtProcess.Outcome run, int? logins = 2)
    {
        _emulator.OpenSessions.ShouldBe(0);
        (_emulator.Counters.Logouts - _logouts).ShouldBe(_emulator.Counters.Logins - _logins, "one logout per login");
        if (logins is { } expected)
        {
            (_emulator.Counters.Logins - _logins).ShouldBe(expected, "one session for generate, one for the run's policies");
        }

        var seen = new List<string> { run.Out, run.Error };
        seen.AddRange(Directory.EnumerateFiles(_folder, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith(".tgz", StringComparison.Ordinal)).Select(File.ReadAllText));
        string[] secrets = [Password, .. _emulator.Counters.IssuedSids];
        foreach (var text in seen)
        {
            foreach (var secret in secrets)
            {
                text.ShouldNotContain(secret);
            }
        }
    }

    private static Dictionary<string, string> Secrets() => new() { [PasswordVariable] = Password };

    private string Config(string execute = "") => $"""
        inventory:
          management:
            server: {_emulator.Server}
            user: cdt-api
            password_env: {PasswordVariable}
            fingerprint: {_emulator.Fingerprint}
        state_dir: state
        simulator:
          time_scale: 500
        package:
          path: {TestFleets.PackageFile}
          name: {TestFleets.PackageName}
          versions: [R81.20]
        generate:
          probe: false
          batch_policy: fixed
          batch_size: 10
        execute:
          logs_dir: logs
        {execute}
        """;
}
