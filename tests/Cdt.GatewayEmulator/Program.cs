using Cdt.Host;
using System.Globalization;
using Cdt.Fleet;
using Cdt.GatewayEmulator;
using Cdt.Simulation;

// The cdt gateway emulator: Gaia gateways behind a real sshd, answered by cdt's own simulator.
//   init FOLDER INVENTORY [SCALE]   makes a state folder from an inventory (time runs SCALE times faster)
//   serve FOLDER                    serves it; point sshd's ForceCommand at FOLDER/gateway-shell
switch (args)
{
    case ["init", var folder, var inventory, ..]:
        {
            var scale = args.Length > 3 ? double.Parse(args[3], CultureInfo.InvariantCulture) : 60;
            var now = DateTimeOffset.UtcNow;
            var world = SimWorld.FromInventory(InventoryLoader.LoadFile(LocalFileStore.Instance, inventory), now);
            world.RecordCommands = true;
            await EmulatorState.CreateAsync(folder, world, new EmulatorClock { OriginWall = now, OriginSimulated = now, Scale = scale });
            await Console.Out.WriteLineAsync($"ForceCommand {Path.Combine(Path.GetFullPath(folder), "gateway-shell")}");
            return 0;
        }

    case ["serve", var folder]:
        {
            using var stop = new CancellationTokenSource();
            Console.CancelKeyPress += (_, e) =>
            {
                e.Cancel = true;
                stop.Cancel();
            };
            using var term = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, s =>
            {
                s.Cancel = true;
                stop.Cancel();
            });
            await EmulatorServer.RunAsync(new EmulatorState(folder), stop.Token);
            return 0;
        }

    default:
        await Console.Error.WriteLineAsync("usage: Cdt.GatewayEmulator init FOLDER INVENTORY [SCALE] | serve FOLDER");
        return 2;
}
