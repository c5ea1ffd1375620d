using Cdt.Host;
using Cdt.Config;
using Cdt.Fleet;
using Cdt.Simulation;
using Cdt.Transport;
using Cdt.Transport.OpenSsh;
using Cdt.Transport.SshNet;

namespace Cdt.Cli;

/// <summary>Builds the remote shell cdt.conf asks for.</summary>
public static class RemoteShellFactory
{
    public static IRemoteShell Create(CdtConfig config, FleetInventory inventory, TimeProvider time) => config.Transport switch
    {
        TransportKind.Simulator => new SimulatorShell(SimWorld.FromInventory(inventory, time.GetUtcNow()), time),
        TransportKind.Ssh => new SshNetShell(config.Ssh, time, LocalFileStore.Instance, notice => Console.Error.WriteLine(notice)),
        TransportKind.OpenSsh => new OpenSshShell(config.Ssh, time, LocalFileStore.Instance),
        _ => throw new InvalidOperationException("unknown transport " + config.Transport),
    };
}
