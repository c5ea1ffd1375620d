using System.Text;
using System.Text.RegularExpressions;
using Cdt.Fleet;

namespace Cdt.Simulation;

/// <summary>The Clish half of the simulated gateway: CPUSE installer, versions, cluster and VRRP state.</summary>
public sealed partial class GaiaSimulator
{
    private static readonly TimeSpan ImportDuration = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan VerifyDuration = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan SnapshotDuration = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan DownloadDuration = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan AgentDuration = TimeSpan.FromMinutes(1);

    [GeneratedRegex(@"\bR\d{2}(?:\.\d{1,2})?\b", RegexOptions.CultureInvariant)]
    private static partial Regex VersionInName();

    private SimReply Clish(SimGateway g, string command, DateTimeOffset now)
    {
        var w = ClishLexer.Words(command);
        if (w is null || w.Count == 0)
        {
            return Refuse(g, command, "CLINFR0409  Invalid command:'" + command + "'.\n", 1);
        }

        var text = string.Join(" ", w);
        if (text == "lock database override")
        {
            g.ConfigLocked = false;
            return SimReply.Ok();
        }

        var changesConfig = w[0] is "installer" or "add" or "set";
        if (g.ConfigLocked && changesConfig)
        {
            return SimReply.Fail(1, SimOutput.ConfigLockLine + "\n");
        }

        var reply = ClishCommand(g, w, text, command, now);
        return g.ConfigLocked && reply.Exit == 0 ? reply with { Stdout = SimOutput.ConfigLockLine + "\n" + reply.Stdout } : reply;
    }

    private SimReply ClishCommand(SimGateway g, List<string> w, string text, string raw, DateTimeOffset now)
    {
        switch (text)
        {
            case "show installer packages imported":
                return Garbled(g) ?? SimReply.Ok(SimOutput.PackageList(g.Imported.Where(p => !IsInstalled(g, p)).Select(p => (p, "Available for Install")), false, "There are no imported packages"));
            case "show installer packages installed":
                return Garbled(g) ?? SimReply.Ok(SimOutput.PackageList(g.Installed.Select(p => (p, "Installed")), false, "There are no installed packages"));
            case "show installer packages available-for-download":
                return SimReply.Ok("There are no available packages\n");
            case "show installer packages":
                return Garbled(g) ?? SimReply.Ok(SimOutput.PackageList(AllPackages(g), true, "There are no packages"));
            case "show version product":
                return Garbled(g) ?? SimReply.Ok(SimOutput.ProductVersion(g.Version));
            case "show cluster state":
                return Garbled(g) ?? ClusterState(g, now);
            case "set cluster member admin down":
                return ClusterAdmin(g, up: false, now);
            case "set cluster member admin up":
                return ClusterAdmin(g, up: true, now);
            case "show vrrp":
                return _world.ClusterOf(g)?.Kind == ClusterKind.Vrrp
                    ? Garbled(g) ?? SimReply.Ok(SimOutput.Vrrp(g, now))
                    : SimReply.Ok("VRRP State\n Flags: Off\n");
            case "show route summary":
                return Garbled(g) ?? SimReply.Ok(SimHealthOutput.RouteSummary(g));
            case "show snapshots":
                return SimReply.Ok(string.Join("\n", g.Snapshots) + "\n");
            case "reboot":
                _world.StartReboot(g, now);
                return SimReply.Ok();
        }

        if (w.Count == 4 && w[0] == "show" && w[1] == "installer" && w[2] == "package")
        {
            var name = Resolve(g, w[3]);
            return name is null
                ? SimReply.Fail(1, $"Package {w[3]} was not found\n")
                : SimReply.Ok(SimOutput.PackageDetail(name, Status(g, name)));
        }

        if (w.Count == 5 && w[0] == "installer" && w[1] == "import" && w[2] == "local" && w[4] == "not-interactive")
        {
            return Import(g, w[3]);
        }

        if (w.Count == 4 && w[0] == "installer" && w[1] == "download" && w[3] == "not-interactive")
        {
            return Download(g, w[2]);
        }

        if (w.Count == 4 && w[0] == "installer" && w[1] == "agent" && w[2] == "install")
        {
            return g.Files.ContainsKey(w[3])
                ? SimReply.Ok("Deployment Agent was installed successfully\n", AgentDuration)
                : SimReply.Fail(1, $"Agent package {w[3]} does not exist\n");
        }

        if (w.Count == 4 && w[0] == "installer" && w[3] == "not-interactive" && w[1] is "verify" or "install" or "uninstall" or "upgrade")
        {
            return Installer(g, w[1], w[2], now);
        }

        if (w.Count == 5 && w[0] == "add" && w[1] == "snapshot" && w[3] == "desc")
        {
            g.Snapshots.Add(w[2]);
            return SimReply.Ok($"Snapshot {w[2]} created\n", SnapshotDuration);
        }

        return Refuse(g, raw, "CLINFR0409  Invalid command:'" + raw + "'.\n", 1);
    }

    private SimReply Import(SimGateway g, string path)
    {
        if (!g.Files.ContainsKey(path))
        {
            return SimReply.Fail(1, $"Import failed: file {path} does not exist\n");
        }

        if (g.Has(Fault.ImportFails))
        {
            return new SimReply { Exit = 1, Stdout = "Importing package...\nResult: Import failed: the package file is corrupted.\n", Duration = ImportDuration };
        }

        var file = path[(path.LastIndexOf('/') + 1)..];
        var name = _world.Catalog.GetValueOrDefault(file) ?? file;
        if (!g.Imported.Contains(name, StringComparer.OrdinalIgnoreCase))
        {
            g.Imported.Add(name);
        }

        return SimReply.Ok($"Importing package {file}...\nResult: Package {name} was imported successfully.\n", ImportDuration);
    }

    /// <summary>CPUSE's download from the Check Point cloud: any package of the catalog, by name or file name.</summary>
    private SimReply Download(SimGateway g, string nameArg)
    {
        var name = _world.Catalog.TryGetValue(nameArg, out var mapped) ? mapped
            : _world.Catalog.Values.FirstOrDefault(n => string.Equals(n, nameArg, StringComparison.OrdinalIgnoreCase));
        if (name is null)
        {
            return SimReply.Fail(1, $"Package {nameArg} was not found in the Check Point cloud\n");
        }

        if (!g.Imported.Contains(name, StringComparer.OrdinalIgnoreCase))
        {
            g.Imported.Add(name);
        }

        return SimReply.Ok($"Downloading package {name}...\nResult: Package {name} was downloaded successfully.\n", DownloadDuration);
    }

    private SimReply Installer(SimGateway g, string verb, string nameArg, DateTimeOffset now)
    {
        var name = Resolve(g, nameArg);
        if (name is null)
        {
            return SimReply.Fail(1, $"Package {nameArg} was not found. Import it first.\n");
        }

        var installed = IsInstalled(g, name);
        if (verb == "verify")
        {
            var stdout = "Interactive mode is disabled, verify will be performed without prompting\n";
            if (g.Has(Fault.VerifyRefuses))
            {
                return new SimReply { Exit = 1, Stdout = stdout + "Verifier results: Installation is not allowed. Reason: Not enough free disk space.\n", Duration = VerifyDuration };
            }

            if (!installed && NotForThisVersion(g, name) is { } why)
            {
                return new SimReply { Exit = 1, Stdout = stdout + "Verifier results: Installation is not allowed. Reason: " + why + "\n", Duration = VerifyDuration };
            }

            return new SimReply
            {
                Exit = 0,
                Stdout = stdout + (installed ? "Verifier results: Uninstallation is allowed.\n" : "Verifier results: Installation is allowed.\n"),
                Duration = VerifyDuration,
            };
        }

        if (g.Busy is not null)
        {
            return SimReply.Fail(1, $"Another operation is in progress: {g.Busy}\n");
        }

        if (verb == "uninstall")
        {
            if (!installed)
            {
                return SimReply.Fail(1, $"Package {name} is not installed\n");
            }

            g.Busy = "uninstalling " + name;
            _world.Schedule(new SimEvent { At = now + g.InstallDuration, Gateway = g.Name, Kind = SimEventKind.UninstallDone, Package = name, Success = !g.Has(Fault.InstallFails) });
            _world.Changed(g, now);
            return LongRun(g, "Uninstall", g.Has(Fault.InstallFails));
        }

        if (installed)
        {
            return SimReply.Fail(1, $"Package {name} is already installed\n");
        }

        if (g.Has(Fault.VerifyRefuses))
        {
            return SimReply.Fail(1, "Installation is not allowed. Reason: Not enough free disk space.\n");
        }

        if (NotForThisVersion(g, name) is { } refused)
        {
            return SimReply.Fail(1, "Installation is not allowed. Reason: " + refused + "\n");
        }

        g.Busy = "installing " + name;
        _world.Schedule(new SimEvent { At = now + g.InstallDuration, Gateway = g.Name, Kind = SimEventKind.InstallDone, Package = name, Success = !g.Has(Fault.InstallFails) });
        if (verb == "upgrade" && !g.Has(Fault.InstallFails) && VersionInName().Match(name) is { Success: true } v)
        {
            g.Version = v.Value;
        }

        _world.Changed(g, now);
        return LongRun(g, verb == "upgrade" ? "Upgrade" : "Installation", g.Has(Fault.InstallFails));
    }

    private static SimReply LongRun(SimGateway g, string what, bool fails)
    {
        if (g.Has(Fault.DropDuringInstall))
        {
            return SimReply.Transport(Cdt.Transport.TransportError.Dropped, "Connection to " + g.Address + " closed by remote host.", g.InstallDuration / 2);
        }

        var stdout = new StringBuilder("Interactive mode is disabled, install will be performed without prompting for reboot\n");
        stdout.Append(fails ? $"Result: {what} failed. See /var/log/CPda/log/da.elg for details.\n" : $"Result: {what} completed successfully. The machine will reboot.\n");
        return new SimReply { Exit = fails ? 1 : 0, Stdout = stdout.ToString(), Duration = g.InstallDuration };
    }

    private string? Resolve(SimGateway g, string nameOrFile)
    {
        var byName = g.Imported.Concat(g.Installed).FirstOrDefault(p => string.Equals(p, nameOrFile, StringComparison.OrdinalIgnoreCase));
        if (byName is not null)
        {
            return byName;
        }

        return _world.Catalog.TryGetValue(nameOrFile, out var mapped) && g.Imported.Concat(g.Installed).Contains(mapped, StringComparer.OrdinalIgnoreCase)
            ? mapped
            : null;
    }

    /// <summary>
    /// CPUSE refuses a package built for another version. The simulator knows a package's versions
    /// from its file name (<c>..._R81_20_...</c>), as cdt does; a file name without one refuses nothing.
    /// </summary>
    private string? NotForThisVersion(SimGateway g, string name)
    {
        var file = _world.Catalog.FirstOrDefault(p => string.Equals(p.Value, name, StringComparison.OrdinalIgnoreCase)).Key ?? name;
        var versions = Cdt.Config.PackageSpec.FromFile(file).Versions;
        return versions.Count == 0 || versions.Contains(g.Version, StringComparer.OrdinalIgnoreCase)
            ? null
            : $"The package is not supported on {g.Version}; it applies to {string.Join(", ", versions)}.";
    }

    private static bool IsInstalled(SimGateway g, string name) => g.Installed.Contains(name, StringComparer.OrdinalIgnoreCase);

    private static string Status(SimGateway g, string name) =>
        g.Busy is { } busy && busy.EndsWith(name, StringComparison.OrdinalIgnoreCase)
            ? (busy.StartsWith("uninstalling", StringComparison.Ordinal) ? "Uninstalling" : "Installing")
            : IsInstalled(g, name) ? "Installed" : "Available for Install";

    private static IEnumerable<(string, string)> AllPackages(SimGateway g) =>
        g.Installed.Select(p => (p, "Installed"))
            .Concat(g.Imported.Where(p => !IsInstalled(g, p)).Select(p => (p, Status(g, p))));
}
