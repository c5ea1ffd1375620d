using System.Text.Json;
using Cdt.Diagnostics;
using Cdt.Execution;
using Cdt.Storage;

namespace Cdt.Simulation;

/// <summary>
/// The simulated fleet of a run, kept in its run folder (<see cref="Name"/>) and replaced
/// atomically after every change, so a <c>kill -9</c> leaves the state of the last change: an
/// install started, a reboot under way. <c>cdt resume</c> loads it, as real gateways outlive the
/// process that drove them; a new run starts from the inventory.
/// </summary>
public static class SimWorldFile
{
    public const string Name = "sim-world.json";

    /// <summary>The run's shell: on the world the run folder keeps (resume), else a new one from the inventory; saved after every change.</summary>
    public static SimulatorShell OpenShell(IFileStore files, ShellScope scope, TimeProvider time)
    {
        var path = Path.Combine(scope.RunFolder, Name);
        var world = scope.Resumed && files.FileExists(path)
            ? Load(files, path, time.GetUtcNow())
            : SimWorld.FromInventory(scope.Inventory, time.GetUtcNow());
        Save(files, path, world);
        return new SimulatorShell(world, time, w => Save(files, path, w));
    }

    /// <summary>
    /// Reads a saved world. Its clock cannot be ahead of the run's: if it is (a clock that starts
    /// anew), the world's pending times move back with it, so a reboot under way stays under way.
    /// </summary>
    public static SimWorld Load(IFileStore files, string path, DateTimeOffset now)
    {
        SimWorld? world;
        try
        {
            world = JsonSerializer.Deserialize(files.ReadAllBytes(path), SimulationJson.Default.SimWorld);
        }
        catch (JsonException e)
        {
            throw new CdtInputException(path, null, null, $"the simulated fleet's state is damaged ({e.Message.Split('.')[0]}): move the file aside to resume on a fleet built anew from the inventory");
        }

        world ??= new SimWorld();

        // JSON keeps the entries, not the comparer: CPUSE names are matched regardless of case.
        world.Catalog = new Dictionary<string, string>(world.Catalog, StringComparer.OrdinalIgnoreCase);
        world.Rebase(now);
        return world;
    }

    public static void Save(IFileStore files, string path, SimWorld world) =>
        files.WriteAtomic(path, stream => JsonSerializer.Serialize(stream, world, SimulationJson.Default.SimWorld));
}
