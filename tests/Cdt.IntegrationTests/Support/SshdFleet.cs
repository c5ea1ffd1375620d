using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Cdt.Fleet;
using Cdt.GatewayEmulator;
using Cdt.Simulation;
using NUnit.Framework;

namespace Cdt.IntegrationTests.Support;

/// <summary>
/// An emulated fleet behind real sshd processes on loopback: one address per gateway, one sshd per
/// 16 addresses (sshd's limit), each with its own host key, authorized_keys, PID file and verbose
/// log, running the gateway emulator as ForceCommand over one shared state folder. Stopped by PID.
/// </summary>
public sealed partial class SshdFleet : IAsyncDisposable
{
    private const int AddressesPerSshd = 16;

    /// <summary>
    /// Generous: it is also the least wall-clock time a command gets before its time-out may stop
    /// it, and two loaded cores running an emulator per command are slow to answer.
    /// </summary>
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan MaxPoll = TimeSpan.FromMilliseconds(200);
    private readonly List<string> _pidFiles = [];
    private readonly List<string> _logs = [];

    private SshdFleet(string folder, LoopbackNet net, EmulatorState state, ScaledTimeProvider time, FleetInventory inventory)
    {
        Folder = folder;
        Net = net;
        State = state;
        Time = time;
        Inventory = inventory;
    }

    public string Folder { get; }

    public LoopbackNet Net { get; }

    public EmulatorState State { get; }

    /// <summary>cdt's clock: the emulator's scaled time, from the same origin.</summary>
    public ScaledTimeProvider Time { get; }

    public FleetInventory Inventory { get; }

    public string InventoryPath => Path.Combine(Folder, "fleet.yml");

    public string KnownHostsPath => Path.Combine(Folder, "known_hosts");

    public string ClientKeyPath => Path.Combine(Folder, "client_ed25519");

    /// <summary>An empty ssh_config, so the machine's and the user's ssh settings stay out of the tests.</summary>
    public string SshConfigPath => Path.Combine(Folder, "ssh_config");

    public static async Task<SshdFleet> StartAsync(LoopbackNet net, string inventoryYaml, double scale, IReadOnlyDictionary<string, AddressOptions>? special = null, IReadOnlyList<string>? extraAddresses = null, Action<SimWorld>? tweak = null)
    {
        var folder = Directory.CreateTempSubdirectory("cdt-it-").FullName;
        var inventory = InventoryLoader.LoadText(Path.Combine(folder, "fleet.yml"), inventoryYaml);
        await File.WriteAllTextAsync(Path.Combine(folder, "fleet.yml"), inventoryYaml);
        var now = DateTimeOffset.UtcNow;
        var world = SimWorld.FromInventory(inventory, now);
        world.RecordCommands = true;
        tweak?.Invoke(world);
        var state = EmulatorState.Create(Path.Combine(folder, "state"), world, new EmulatorClock { OriginWall = now, OriginSimulated = now, Scale = scale });
        var fleet = new SshdFleet(folder, net, state, new ScaledTimeProvider(now, scale), inventory);
        try
        {
            await fleet.StartSshdAsync(special ?? new Dictionary<string, AddressOptions>(), extraAddresses ?? []);
        }
        catch
        {
            await fleet.DisposeAsync();
            throw;
        }

        return fleet;
    }

    /// <summary>The YAML of a cdt.conf using the ssh transport against this fleet, plus <paramref name="extra"/> sections.</summary>
    public string Config(string extra = "", string sshExtra = "", TimeSpan? connectTimeout = null) => $"""
        inventory: {InventoryPath}
        transport: ssh
        ssh:
          user: {Environment.UserName}
          port: {Net.Port}
          identity_file: {ClientKeyPath}
          known_hosts: {KnownHostsPath}
          config_file: {SshConfigPath}
          connect_timeout: {(int)(connectTimeout ?? ConnectTimeout).TotalSeconds}s
        {sshExtra}
        {extra}
        """;

    public Cdt.Config.SshSettings Settings(string? jumpHost = null) => new()
    {
        User = Environment.UserName,
        Port = Net.Port,
        IdentityFile = ClientKeyPath,
        KnownHosts = KnownHostsPath,
        ConfigFile = SshConfigPath,
        ConnectTimeout = ConnectTimeout,
        JumpHost = jumpHost,
    };

    /// <summary>TCP connections sshd accepted on one address, counted from its verbose logs.</summary>
    public int ConnectionsTo(string address)
    {
        var pattern = $" on {address} port {Net.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)} ";
        return _logs.Where(File.Exists).Sum(log => File.ReadLines(log).Count(l => l.StartsWith("Connection from ", StringComparison.Ordinal) && l.Contains(pattern, StringComparison.Ordinal)));
    }

    /// <summary>The emulated fleet as it is now: events due by now (installs ending, reboots) applied.</summary>
    public Task<SimWorld> WorldAsync() => State.UpdateAsync(
        w =>
        {
            w.AdvanceTo(State.Now());
            return w;
        },
        CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        foreach (var pid in _pidFiles.Where(File.Exists).Select(f => int.Parse(File.ReadAllText(f).Trim(), System.Globalization.CultureInfo.InvariantCulture)))
        {
            Stop(pid, "sshd");
        }

        // Emulators still sleeping through a hung or dropped command (their client gave up).
        if (Directory.Exists(State.SessionsFolder))
        {
            foreach (var session in Directory.GetDirectories(State.SessionsFolder))
            {
                if (int.TryParse(Path.GetFileName(session).Split('-')[0], System.Globalization.CultureInfo.InvariantCulture, out var pid))
                {
                    Stop(pid, "dotnet");
                }
            }
        }

        await Task.Yield();
        if (Environment.GetEnvironmentVariable("CDT_KEEP_FLEET") is { Length: > 0 })
        {
            await TestContext.Progress.WriteLineAsync("CDT_KEEP_FLEET: kept " + Folder);
            return;
        }

        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // An emulator that was just stopped may still hold its session folder for a moment.
        }
    }

    private static void Stop(int pid, string expectedName)
    {
        try
        {
            using var p = Process.GetProcessById(pid);
            if (p.ProcessName.StartsWith(expectedName, StringComparison.Ordinal))
            {
                p.Kill(entireProcessTree: true);
            }
        }
        catch (ArgumentException)
        {
            // Already gone.
        }
        catch (InvalidOperationException)
        {
            // Ended meanwhile.
        }
    }

    private async Task StartSshdAsync(IReadOnlyDictionary<string, AddressOptions> special, IReadOnlyList<string> extraAddresses)
    {
        var hostKey = Path.Combine(Folder, "host_ed25519");
        var otherKey = Path.Combine(Folder, "other_ed25519");
        await Tool.RunAsync("ssh-keygen", "-q", "-t", "ed25519", "-N", string.Empty, "-f", hostKey);
        await Tool.RunAsync("ssh-keygen", "-q", "-t", "ed25519", "-N", string.Empty, "-f", otherKey);
        await Tool.RunAsync("ssh-keygen", "-q", "-t", "ed25519", "-N", string.Empty, "-f", ClientKeyPath);
        await File.WriteAllTextAsync(Path.Combine(Folder, "authorized_keys"), await File.ReadAllTextAsync(ClientKeyPath + ".pub"));
        await File.WriteAllTextAsync(SshConfigPath, string.Empty);

        var addresses = Inventory.Gateways.Select(g => g.Ssh?.Host ?? g.Ip).Concat(extraAddresses).Distinct(StringComparer.Ordinal).ToList();
        AddressOptions Of(string a) => special.GetValueOrDefault(a) ?? AddressOptions.Normal;
        var known = new StringBuilder();
        var right = KeyText(await File.ReadAllTextAsync(hostKey + ".pub"));
        var wrong = KeyText(await File.ReadAllTextAsync(otherKey + ".pub"));
        foreach (var a in addresses.Where(a => Of(a).KnownHost != KnownHostEntry.Missing))
        {
            known.Append($"[{a}]:{Net.Port} {(Of(a).KnownHost == KnownHostEntry.Wrong ? wrong : right)}\n");
        }

        await File.WriteAllTextAsync(KnownHostsPath, known.ToString());
        if (Environment.UserName == "root")
        {
            Directory.CreateDirectory("/run/sshd");
        }

        var listening = addresses.Where(a => Of(a).Listen).ToList();
        for (var i = 0; i * AddressesPerSshd < listening.Count; i++)
        {
            var group = listening.Skip(i * AddressesPerSshd).Take(AddressesPerSshd).ToList();
            await StartOneAsync(i, group, group.Where(a => !Of(a).Authorized).ToList(), hostKey);
        }
    }

    private async Task StartOneAsync(int index, IReadOnlyList<string> addresses, IReadOnlyList<string> unauthorized, string hostKey)
    {
        var config = Path.Combine(Folder, $"sshd_config.{index}");
        var pidFile = Path.Combine(Folder, $"sshd.{index}.pid");
        var log = Path.Combine(Folder, $"sshd.{index}.log");
        var emulator = typeof(EmulatorState).Assembly.Location;
        var sb = new StringBuilder();
        sb.Append($"Port {Net.Port}\n");
        foreach (var a in addresses)
        {
            sb.Append($"ListenAddress {a}\n");
        }

        sb.Append($"""
            HostKey {hostKey}
            AuthorizedKeysFile {Path.Combine(Folder, "authorized_keys")}
            PubkeyAuthentication yes
            PasswordAuthentication no
            KbdInteractiveAuthentication no
            UsePAM no
            StrictModes no
            PidFile {pidFile}
            LogLevel VERBOSE
            MaxStartups 400:30:800
            MaxSessions 100
            AllowTcpForwarding yes
            SetEnv {EmulatorState.FolderVariable}={State.Folder} DOTNET_TieredPGO=0 DOTNET_EnableWriteXorExecute=0 DOTNET_CLI_TELEMETRY_OPTOUT=1
            ForceCommand {Tool.DotnetHost()} {emulator}

            """);
        foreach (var a in unauthorized)
        {
            sb.Append($"Match LocalAddress {a}\n  AuthorizedKeysFile none\n");
        }

        await File.WriteAllTextAsync(config, sb.ToString());
        _pidFiles.Add(pidFile);
        _logs.Add(log);
        await Tool.RunAsync("/usr/sbin/sshd", "-f", config, "-E", log);
        await WaitListeningAsync(pidFile, log);
    }

    /// <summary>sshd writes its PID file once its sockets are bound; connecting to check would count as a connection.</summary>
    private static async Task WaitListeningAsync(string pidFile, string log)
    {
        var wait = TimeSpan.FromMilliseconds(5);
        for (var elapsed = TimeSpan.Zero; elapsed < TimeSpan.FromSeconds(10); elapsed += wait, wait = wait * 2 > MaxPoll ? MaxPoll : wait * 2)
        {
            if (File.Exists(pidFile) && new FileInfo(pidFile).Length > 0)
            {
                return;
            }

            await Task.Delay(wait);
        }

        throw new InvalidOperationException($"sshd did not start: {(File.Exists(log) ? await File.ReadAllTextAsync(log) : "no log")}");
    }

    private static string KeyText(string publicKeyLine) => SpaceRun().Split(publicKeyLine.Trim()) is [var type, var key, ..] ? type + " " + key : publicKeyLine.Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex SpaceRun();
}
