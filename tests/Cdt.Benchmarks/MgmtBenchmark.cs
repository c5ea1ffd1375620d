using System.Globalization;
using Cdt.Fleet;
using Cdt.ManagementEmulator;

namespace Cdt.Benchmarks;

/// <summary>
/// <c>cdt inventory export</c> of a large fleet from the Management API emulator (HTTPS on loopback,
/// certificate pinned, 500 objects per page). The emulator runs in this process; cdt runs in a fresh
/// child process, so its wall time and peak memory are its own.
/// </summary>
public static class MgmtBenchmark
{
    private const string KeyVariable = "CDT_BENCH_MGMT_KEY";

    public static async Task<int> RunAsync(int gateways)
    {
        var folder = Directory.CreateTempSubdirectory("cdt-bench-mgmt-").FullName;
        try
        {
            var fleetPath = Path.Combine(folder, "fleet.yml");
            FleetYaml.Write(fleetPath, gateways);
            var world = WorldFromInventory.Build(InventoryLoader.LoadText(fleetPath, await File.ReadAllTextAsync(fleetPath)));
            var key = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
            await using var emulator = await ManagementEmulator.ManagementEmulator.StartAsync(world, new ManagementCredentials("bench", key, key));
            var config = Path.Combine(folder, "cdt.conf");
            await File.WriteAllTextAsync(config, $"""
                inventory:
                  management:
                    server: {emulator.Server}
                    api_key_env: {KeyVariable}
                    fingerprint: {emulator.Fingerprint}
                    page_size: 500
                state_dir: state

                """);
            Environment.SetEnvironmentVariable(KeyVariable, key);

            Console.WriteLine("cdt management benchmark: cdt inventory export from the Management API emulator, in a fresh process");
            Console.WriteLine($"{Environment.ProcessorCount} CPU(s), .NET {Environment.Version}");
            Console.WriteLine();
            var line = ChildCase.Run("mgmt", "mgmt-case", config, Path.Combine(folder, "exported.yml"));
            if (line is null)
            {
                return 1;
            }

            var f = line.Split('\t');
            var objects = world.Objects.Count;
            var pages = emulator.Counters.Calls("show-gateways-and-servers");
            Console.WriteLine("gateways  objects  pages  clusters asked   wall (s)   process CPU (s)   peak (MB)");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{f[0],8} {objects,8} {pages,6} {emulator.Counters.Calls("show-simple-cluster"),15} {double.Parse(f[1], CultureInfo.InvariantCulture),10:F2} {double.Parse(f[2], CultureInfo.InvariantCulture),17:F2} {long.Parse(f[3], CultureInfo.InvariantCulture) / (1024.0 * 1024.0),11:F0}"));
            Console.WriteLine();
            Console.WriteLine("wall: the whole command (config, login, every page, show-simple-cluster per cluster, logout, writing the file); CPU and peak: the whole cdt process.");
            return emulator.OpenSessions == 0 ? 0 : 1;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
