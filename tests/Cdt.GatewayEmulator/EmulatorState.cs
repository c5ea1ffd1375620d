using System.Globalization;
using System.Text.Json;
using Cdt.Simulation;

namespace Cdt.GatewayEmulator;

/// <summary>
/// The state folder of an emulated fleet: the whole <see cref="SimWorld"/> as JSON, the clock, the
/// scripts sshd and the restricted shells run, the emulator's port, the files each gateway
/// received, and one folder per running SSH session. The JSON is read and written under an
/// exclusive file lock, so a reader never sees half a world.
/// </summary>
public sealed class EmulatorState
{
    private static readonly TimeSpan LockRetryCeiling = TimeSpan.FromMilliseconds(40);
    private EmulatorClock? _clock;

    public EmulatorState(string folder)
    {
        Folder = Path.GetFullPath(folder);
    }

    public string Folder { get; }

    public string WorldPath => Path.Combine(Folder, "world.json");

    public string ClockPath => Path.Combine(Folder, "clock.json");

    /// <summary>The loopback TCP port the emulator listens on, written once it does.</summary>
    public string PortPath => Path.Combine(Folder, "port");

    /// <summary>What sshd runs for every command (ForceCommand).</summary>
    public string GatewayShellPath => Path.Combine(Folder, "gateway-shell");

    public string StubsFolder => Path.Combine(Folder, "stubs");

    public string BashEnvPath => Path.Combine(Folder, "bash_env");

    public string SessionsFolder => Path.Combine(Folder, "sessions");

    public string LogPath => Path.Combine(Folder, "emulator.log");

    public EmulatorClock Clock => _clock ??= JsonSerializer.Deserialize(File.ReadAllBytes(ClockPath), EmulatorJson.Default.EmulatorClock)
        ?? throw new InvalidDataException(ClockPath + " is empty");

    /// <summary>Where a gateway's "disk" is: files sent to it land here, never in the real /var/log.</summary>
    public string FilesOf(string gateway) => Path.Combine(Folder, "files", gateway);

    public static async Task<EmulatorState> CreateAsync(string folder, SimWorld world, EmulatorClock clock)
    {
        var state = new EmulatorState(folder);
        Directory.CreateDirectory(state.Folder);
        Directory.CreateDirectory(state.SessionsFolder);
        await File.WriteAllBytesAsync(state.ClockPath, JsonSerializer.SerializeToUtf8Bytes(clock, EmulatorJson.Default.EmulatorClock));
        await state.SaveAsync(world, CancellationToken.None);
        ShellScripts.Write(state);
        return state;
    }

    public DateTimeOffset Now() => Clock.Now(DateTimeOffset.UtcNow);

    public async Task<SimWorld> LoadAsync(CancellationToken ct)
    {
        await using var held = await LockAsync(ct);
        var world = JsonSerializer.Deserialize(await File.ReadAllBytesAsync(WorldPath, ct), EmulatorJson.Default.SimWorld)
            ?? throw new InvalidDataException(WorldPath + " is empty");

        // JSON keeps the entries, not the comparer: CPUSE names are matched regardless of case.
        world.Catalog = new Dictionary<string, string>(world.Catalog, StringComparer.OrdinalIgnoreCase);
        return world;
    }

    public async Task SaveAsync(SimWorld world, CancellationToken ct)
    {
        await using var held = await LockAsync(ct);
        var temp = WorldPath + "." + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + ".tmp";
        await File.WriteAllBytesAsync(temp, JsonSerializer.SerializeToUtf8Bytes(world, EmulatorJson.Default.SimWorld), ct);
        File.Move(temp, WorldPath, overwrite: true);
    }

    private async Task<FileStream> LockAsync(CancellationToken ct)
    {
        var wait = TimeSpan.FromMilliseconds(1);
        while (true)
        {
            try
            {
                return new FileStream(Path.Combine(Folder, "lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException)
            {
                await Task.Delay(wait, ct);
                wait = wait * 2 > LockRetryCeiling ? LockRetryCeiling : wait * 2;
            }
        }
    }
}
