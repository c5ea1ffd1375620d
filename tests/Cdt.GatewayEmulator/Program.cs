using System.Globalization;
using Cdt.Fleet;
using Cdt.GatewayEmulator;
using Cdt.Simulation;

// The cdt gateway emulator. sshd runs it as ForceCommand for every SSH command to an emulated
// gateway: it tells gateways apart by the local address the client dialled (SSH_CONNECTION) and
// keeps the fleet in the state folder sshd names with SetEnv CDT_EMULATOR_STATE.
// `init FOLDER INVENTORY [SCALE]` makes a state folder from an inventory (by hand, for a try-out).
if (args is ["init", var target, var inventory, ..])
{
    var scale = args.Length > 3 ? double.Parse(args[3], CultureInfo.InvariantCulture) : 60;
    var now = DateTimeOffset.UtcNow;
    var world = SimWorld.FromInventory(InventoryLoader.LoadFile(inventory), now);
    world.RecordCommands = true;
    EmulatorState.Create(target, world, new EmulatorClock { OriginWall = now, OriginSimulated = now, Scale = scale });
    return 0;
}

var folder = Environment.GetEnvironmentVariable(EmulatorState.FolderVariable);
if (string.IsNullOrEmpty(folder) || !Directory.Exists(folder))
{
    await Console.Error.WriteLineAsync($"cdt gateway emulator: set {EmulatorState.FolderVariable} to an emulator state folder (sshd_config: SetEnv {EmulatorState.FolderVariable}=PATH)");
    return 2;
}

await using var stdout = Console.OpenStandardOutput();
var exit = await GatewaySession.RunAsync(
    new EmulatorState(folder),
    Environment.GetEnvironmentVariable("SSH_ORIGINAL_COMMAND"),
    Environment.GetEnvironmentVariable("SSH_CONNECTION"),
    stdout,
    Console.Error,
    CancellationToken.None);
await stdout.FlushAsync();
return exit;
