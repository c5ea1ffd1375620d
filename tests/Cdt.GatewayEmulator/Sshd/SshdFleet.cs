using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Cdt.Fleet;
using Cdt.Simulation;

namespace Cdt.GatewayEmulator.Sshd;

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
    private readonly List<string> _pidFiles = [];
    private readonly List<string> _logs = [];
    private Process? _emulator;

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
        var state = await EmulatorState.CreateAsync(Path.Combine(folder, "state"), world, new EmulatorClock { OriginWall = now, OriginSimulated = now, Scale = scale });
        var fleet = new SshdFleet(folder, net, state, new ScaledTimeProvider(now, scale), inventory);
        try
        {
            await fleet.StartEmulatorAsync();
            await fleet.StartSshdAsync(special ?? new Dictionary<string, AddressOptions>(), extraAddresses ?? []);
        }
        catch
        {
            await fleet.DisposeAsync();
            throw;
        }

        return fleet;
    }

    /// <summary>The YAML of a cdt.conf using an SSH transport (<c>ssh</c>, SSH.NET, unless told) against this fleet, plus <paramref name="extra"/> sections.</summary>
    public string Config(string extra = "", string sshExtra = "", TimeSpan? connectTimeout = null, string transport = "ssh") => $"""
        inventory: {InventoryPath}
        transport: {transport}
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

    /// <summary>
    /// CPU time of the far side so far: the emulator process, and the sshd processes with every
    /// session, shell and stub they ran (reaped children count once their connection ended).
    /// </summary>
    public (TimeSpan Emulator, TimeSpan Sshd) FarSideCpu()
    {
        _emulator?.Refresh();
        var sshd = _pidFiles.Where(File.Exists).Sum(f => ProcessCpu.WithChildren(int.Parse(File.ReadAllText(f).Trim(), System.Globalization.CultureInfo.InvariantCulture)).Ticks);
        return (_emulator?.TotalProcessorTime ?? TimeSpan.Zero, TimeSpan.FromTicks(sshd));
    }

    /// <summary>TCP connections sshd accepted on one address, counted from its verbose logs.</summary>
    public int ConnectionsTo(string address)
    {
        var pattern = $" on {address} port {Net.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)} ";
        return _logs.Where(File.Exists).Sum(log => File.ReadLines(log).Count(l => l.StartsWith("Connection from ", StringComparison.Ordinal) && l.Contains(pattern, StringComparison.Ordinal)));
    }

    /// <summary>
    /// Ends every open SSH connection of this fleet, as a gateway's reboot does: each connection's
    /// sshd process (a child of one of this fleet's listening sshd processes, by PID) is killed.
    /// </summary>
    public int DropConnections()
    {
        var listeners = _pidFiles.Where(File.Exists).Select(f => int.Parse(File.ReadAllText(f).Trim(), System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();
        var dropped = 0;
        foreach (var stat in Directory.EnumerateDirectories("/proc").Where(d => Path.GetFileName(d).All(char.IsAsciiDigit)).Select(d => Path.Combine(d, "stat")))
        {
            string text;
            try
            {
                text = File.ReadAllText(stat);
            }
            catch (IOException)
            {
                continue; // the process ended meanwhile
            }

            // The command name (field 2) is in parentheses and may hold spaces: the parent PID is the second field after it.
            var parent = int.Parse(text[(text.LastIndexOf(')') + 2)..].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
            if (!listeners.Contains(parent))
            {
                continue;
            }

            try
            {
                using var child = System.Diagnostics.Process.GetProcessById(int.Parse(Path.GetFileName(Path.GetDirectoryName(stat)!), System.Globalization.CultureInfo.InvariantCulture));
                child.Kill(entireProcessTree: true);
                dropped++;
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException)
            {
                // It ended by itself.
            }
        }

        return dropped;
    }

    /// <summary>Commands (SSH sessions) sshd started on any address, counted from its verbose logs.</summary>
    public int SessionsStarted() =>
        _logs.Where(File.Exists).Sum(log => File.ReadLines(log).Count(l => l.StartsWith("Starting session: ", StringComparison.Ordinal)));

    /// <summary>The emulated fleet as it is now: the emulator saves a snapshot (events due by now applied), then it is read.</summary>
    public async Task<SimWorld> WorldAsync()
    {
        var answer = await EmulatorClient.AskAsync(State, CancellationToken.None, "snapshot");
        if (answer != "0")
        {
            throw new InvalidOperationException("the gateway emulator did not save a snapshot: " + answer);
        }

        return await State.LoadAsync(CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var pid in _pidFiles.Where(File.Exists).Select(f => int.Parse(File.ReadAllText(f).Trim(), System.Globalization.CultureInfo.InvariantCulture)))
        {
            Tool.Stop(pid, "sshd");
        }

        var keep = Environment.GetEnvironmentVariable("CDT_KEEP_FLEET") is { Length: > 0 };
        if (_emulator is not null)
        {
            if (keep && !_emulator.HasExited)
            {
                await EmulatorClient.AskAsync(State, CancellationToken.None, "snapshot");
            }

            // Stopping the emulator also ends any stub still waiting for an answer (a hung command).
            Tool.Stop(_emulator.Id, "dotnet");
            _emulator.Dispose();
        }

        if (keep)
        {
            await Console.Error.WriteLineAsync("CDT_KEEP_FLEET: kept " + Folder);
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

    /// <summary>One emulator process serves every gateway of the fleet; sshd's ForceCommand talks to it.</summary>
    private async Task StartEmulatorAsync()
    {
        var info = new ProcessStartInfo(Tool.DotnetHost()) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(typeof(EmulatorState).Assembly.Location);
        info.ArgumentList.Add("serve");
        info.ArgumentList.Add(State.Folder);
        info.Environment["DOTNET_TieredPGO"] = "0";
        _emulator = Process.Start(info) ?? throw new InvalidOperationException("the gateway emulator did not start");
        _emulator.OutputDataReceived += (_, _) => { };
        _emulator.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                File.AppendAllText(State.LogPath, e.Data + "\n");
            }
        };
        _emulator.BeginOutputReadLine();
        _emulator.BeginErrorReadLine();
        await Tool.WaitForFileAsync(State.PortPath, () => _emulator.HasExited ? "the gateway emulator exited: " + Tool.ReadLog(State.LogPath) : null, State.LogPath);
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
        await File.WriteAllTextAsync(config, SshdConfig.Text(Net.Port, addresses, unauthorized, hostKey, Path.Combine(Folder, "authorized_keys"), pidFile, State.GatewayShellPath));
        _pidFiles.Add(pidFile);
        _logs.Add(log);
        await Tool.RunAsync("/usr/sbin/sshd", "-f", config, "-E", log);
        await Tool.WaitForFileAsync(pidFile, () => null, log);
    }

    private static string KeyText(string publicKeyLine) => SpaceRun().Split(publicKeyLine.Trim()) is [var type, var key, ..] ? type + " " + key : publicKeyLine.Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex SpaceRun();
}
