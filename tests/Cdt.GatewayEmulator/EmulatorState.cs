using System.Text.Json;
using Cdt.Simulation;

namespace Cdt.GatewayEmulator;

/// <summary>
/// The state folder of an emulated fleet: the whole <see cref="SimWorld"/> as JSON, the clock,
/// the stub commands, the files each gateway received, and one folder per running SSH session.
/// Every change happens under an exclusive file lock: sshd runs many emulators at once.
/// </summary>
public sealed class EmulatorState
{
    /// <summary>The variable sshd passes (SetEnv) to tell the emulator where the state lives.</summary>
    public const string FolderVariable = "CDT_EMULATOR_STATE";

    private static readonly TimeSpan LockRetryCeiling = TimeSpan.FromMilliseconds(40);
    private EmulatorClock? _clock;

    public EmulatorState(string folder)
    {
        Folder = Path.GetFullPath(folder);
    }

    public string Folder { get; }

    public string WorldPath => Path.Combine(Folder, "world.json");

    public string ClockPath => Path.Combine(Folder, "clock.json");

    public string StubsFolder => Path.Combine(Folder, "stubs");

    public string BashEnvPath => Path.Combine(Folder, "bash_env");

    public string SessionsFolder => Path.Combine(Folder, "sessions");

    public EmulatorClock Clock => _clock ??= JsonSerializer.Deserialize(File.ReadAllBytes(ClockPath), EmulatorJson.Default.EmulatorClock)
        ?? throw new InvalidDataException(ClockPath + " is empty");

    /// <summary>Where a gateway's "disk" is: files sent to it land here, never in the real /var/log.</summary>
    public string FilesOf(string gateway) => Path.Combine(Folder, "files", gateway);

    public static EmulatorState Create(string folder, SimWorld world, EmulatorClock clock)
    {
        var state = new EmulatorState(folder);
        Directory.CreateDirectory(state.Folder);
        Directory.CreateDirectory(state.SessionsFolder);
        File.WriteAllBytes(state.ClockPath, JsonSerializer.SerializeToUtf8Bytes(clock, EmulatorJson.Default.EmulatorClock));
        state.Save(world);
        StubScripts.Write(state);
        return state;
    }

    public DateTimeOffset Now() => Clock.Now(DateTimeOffset.UtcNow);

    /// <summary>Loads the world under the lock, lets <paramref name="change"/> read or change it, saves it.</summary>
    public async Task<T> UpdateAsync<T>(Func<SimWorld, T> change, CancellationToken ct)
    {
        await using var held = await LockAsync(ct);
        var world = Load();
        var result = change(world);
        Save(world);
        return result;
    }

    /// <summary>Reads the world under the lock without saving it: changes made to it are lost.</summary>
    public async Task<T> ReadAsync<T>(Func<SimWorld, T> read, CancellationToken ct)
    {
        await using var held = await LockAsync(ct);
        return read(Load());
    }

    public Task<SimWorld> ReadAsync(CancellationToken ct) => ReadAsync(w => w, ct);

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

    private SimWorld Load()
    {
        var world = JsonSerializer.Deserialize(File.ReadAllBytes(WorldPath), EmulatorJson.Default.SimWorld)
            ?? throw new InvalidDataException(WorldPath + " is empty");

        // JSON keeps the entries, not the comparer: CPUSE names are matched regardless of case.
        world.Catalog = new Dictionary<string, string>(world.Catalog, StringComparer.OrdinalIgnoreCase);
        return world;
    }

    private void Save(SimWorld world)
    {
        var temp = WorldPath + "." + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".tmp";
        File.WriteAllBytes(temp, JsonSerializer.SerializeToUtf8Bytes(world, EmulatorJson.Default.SimWorld));
        File.Move(temp, WorldPath, overwrite: true);
    }
}
