using Cdt.Host;
using Cdt.Config;
using Cdt.Execution;
using Cdt.Fleet;
using Cdt.Management;
using Cdt.Simulation;
using Cdt.Transport;
using Cdt.Transport.OpenSsh;
using Cdt.Transport.SshNet;

namespace Cdt.Cli;

/// <summary>Builds the remote shell cdt.conf asks for.</summary>
public static class RemoteShellFactory
{
    /// <summary>A run's shell: the simulated fleet is kept in the run folder, so a resume finds it as the run left it.</summary>
    public static IRemoteShell Create(CdtConfig config, ShellScope scope, TimeProvider time, Func<string, string?> environment) => config.Transport == TransportKind.Simulator
        ? SimWorldFile.OpenShell(LocalFileStore.Instance, scope, time)
        : Create(config, scope.Inventory, time, environment);

    /// <param name="environment">Where the management server's secret is read (the variable cdt.conf names).</param>
    public static IRemoteShell Create(CdtConfig config, FleetInventory inventory, TimeProvider time, Func<string, string?> environment) => config.Transport switch
    {
        TransportKind.Simulator => new SimulatorShell(SimWorld.FromInventory(inventory, time.GetUtcNow()), time),
        TransportKind.Ssh => new SshNetShell(config.Ssh, time, LocalFileStore.Instance, notice => Console.Error.WriteLine(notice)),
        TransportKind.OpenSsh => new OpenSshShell(config.Ssh, time, LocalFileStore.Instance),
        TransportKind.Management => new ManagementShell(config.Management!, environment, time, LocalFileStore.Instance),
        _ => throw new InvalidOperationException("unknown transport " + config.Transport),
    };
}
