using Cdt.Fleet;
using Cdt.IntegrationTests.Support;
using Cdt.ManagementEmulator;
using Cdt.Simulation;

namespace Cdt.IntegrationTests.Management;

/// <summary>
/// A fleet behind the Management API emulator: the objects it lists and the simulated gateways its
/// <c>run-script</c> acts on come from one inventory. The gateways live on simulated time
/// <see cref="Scale"/> times faster than the wall clock (an import of a simulated minute takes 2 s);
/// cdt runs as its own process on the wall clock, with its own time-outs unscaled, and is told the
/// server's script limit in wall time.
/// </summary>
public sealed class ManagementFleet : IAsyncDisposable
{
    public const double Scale = 30;
    public const string PasswordVariable = "CDT_TEST_MGMT_PASSWORD";
    public const string Password = "pw-Rt5!mQ9#vL";

    /// <summary>The server's script limit on the wall clock: an install (2 simulated minutes, 4 s) outlives it.</summary>
    public static readonly TimeSpan ScriptLimit = TimeSpan.FromSeconds(3);

    private ManagementFleet(ManagementEmulator.ManagementEmulator emulator, GatewayWorld gateways, string folder)
    {
        Emulator = emulator;
        Gateways = gateways;
        Folder = folder;
    }

    public ManagementEmulator.ManagementEmulator Emulator { get; }

    public GatewayWorld Gateways { get; }

    public string Folder { get; }

    public string Name => Emulator.Server.GetLeftPart(UriPartial.Authority);

    public static async Task<ManagementFleet> StartAsync(string inventory)
    {
        var fleet = InventoryLoader.LoadText("fleet.yml", inventory);
        var time = new ScaledTimeProvider(DateTimeOffset.UtcNow, Scale);
        var world = SimWorld.FromInventory(fleet, time.GetUtcNow());
        foreach (var g in world.Gateways.Values)
        {
            // run-script runs a bash script whatever the administrator's login shell is.
            g.Shell = LoginShell.Expert;
        }

        var gateways = new GatewayWorld(world, time) { ScriptLimit = ScriptLimit * Scale };
        var emulator = await ManagementEmulator.ManagementEmulator.StartAsync(WorldFromInventory.Build(fleet), new ManagementCredentials("cdt-api", Password, "unused-key"), gateways);
        var folder = Directory.CreateTempSubdirectory("cdt-mgmt-run-").FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, TestFleets.PackageFile), "package bytes");
        await File.WriteAllTextAsync(Path.Combine(folder, "cdt.conf"), $"""
            inventory:
              management:
                server: {emulator.Server}
                user: cdt-api
                password_env: {PasswordVariable}
                fingerprint: {emulator.Fingerprint}
                timeout: 3s
                script_limit: {(int)ScriptLimit.TotalSeconds}s
                task_poll: 200ms
            transport: management
            state_dir: state
            package:
              path: {TestFleets.PackageFile}
              name: {TestFleets.PackageName}
              versions: [R81.20]
            generate:
              batch_policy: single
            execute:
              max_parallel: 20
              expected_reboot: 2s
              poll_interval: 1s
              reboot_timeout: 30s

            """);
        return new ManagementFleet(emulator, gateways, folder);
    }

    public Task<CdtProcess.Outcome> RunAsync(params string[] args) =>
        CdtProcess.RunAsync(Folder, new Dictionary<string, string> { [PasswordVariable] = Password }, args);

    /// <summary>The lines of the results file the run printed the path of.</summary>
    public static string[] Results(CdtProcess.Outcome run) =>
        File.ReadAllLines(run.Out.Split('\n').Single(l => l.StartsWith("results: ", StringComparison.Ordinal))["results: ".Length..].Trim());

    public async ValueTask DisposeAsync()
    {
        Emulator.Faults.Silent = false;
        await Emulator.DisposeAsync();
        Directory.Delete(Folder, recursive: true);
    }
}
