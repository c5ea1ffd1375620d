using System.Globalization;
using System.Reflection;
using Cdt.Diagnostics;
using Cdt.Formats;
using Cdt.Yaml;

using Cdt.Storage;

namespace Cdt.Fleet;

/// <summary>
/// Reads the inventory YAML (see <c>config/fleet.sample.yml</c>) into a <see cref="FleetInventory"/>.
/// Every problem is reported with its line and column; nothing half-read is ever returned.
/// </summary>
public static class InventoryLoader
{
    public const string EmbeddedSampleName = "embedded:fleet.sample.yml";

    public static FleetInventory LoadFile(IFileStore files, string path)
    {
        if (path == EmbeddedSampleName)
        {
            return LoadText(EmbeddedSampleName, EmbeddedSample());
        }

        if (!files.FileExists(path))
        {
            throw new CdtInputException(path, null, null, "inventory file not found: set 'inventory' in cdt.conf to an existing file");
        }

        return LoadText(path, InputLimits.ReadText(files, path, "the inventory"));
    }

    public static string EmbeddedSample()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Cdt.fleet.sample.yml")
            ?? throw new InvalidOperationException("the embedded sample fleet is missing from the build");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public static FleetInventory LoadText(string path, string text)
    {
        var diagnostics = new List<Diagnostic>();
        var root = YamlFile.Load(path, text, diagnostics);
        if (root is null)
        {
            throw new CdtInputException(diagnostics);
        }

        var gateways = new List<Gateway>();
        var clusters = new List<Cluster>();
        var catalog = new List<CatalogPackage>();

        foreach (var p in root.MapList("packages"))
        {
            var file = p.String("file", required: true);
            var name = p.String("name", required: true);
            p.RejectUnknownKeys("a package");
            if (file is not null && name is not null)
            {
                catalog.Add(new CatalogPackage(file, name));
            }
        }

        foreach (var g in root.MapList("gateways"))
        {
            if (ReadGateway(g, clusterName: null, defaults: null) is { } gw)
            {
                gateways.Add(gw);
            }
        }

        foreach (var c in root.MapList("clusters"))
        {
            ReadCluster(c, gateways, clusters);
        }

        foreach (var sg in root.MapList("security_groups"))
        {
            SecurityGroupReader.Read(sg, gateways, clusters);
        }

        root.RejectUnknownKeys("the inventory (expected packages, gateways, clusters, security_groups)");
        CheckUnique(path, gateways, clusters, diagnostics);
        if (diagnostics.Count > 0)
        {
            throw new CdtInputException(diagnostics.OrderBy(d => d.Line).ThenBy(d => d.Column).ToList());
        }

        return new FleetInventory(gateways, clusters, catalog, path);
    }

    private static void CheckUnique(string path, List<Gateway> gateways, List<Cluster> clusters, List<Diagnostic> diagnostics)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var g in gateways)
        {
            if (!seen.TryAdd(g.Name, g.Line))
            {
                diagnostics.Add(new Diagnostic(path, g.Line, g.Column, $"duplicate object name '{g.Name}' (first on line {seen[g.Name].ToString(CultureInfo.InvariantCulture)})"));
            }
        }

        foreach (var c in clusters)
        {
            if (!seen.TryAdd(c.Name, c.Line))
            {
                diagnostics.Add(new Diagnostic(path, c.Line, c.Column, $"duplicate object name '{c.Name}' (first on line {seen[c.Name].ToString(CultureInfo.InvariantCulture)})"));
            }
        }
    }

    private sealed record MemberDefaults(string? Version, LoginShell? Shell, bool Vsx, SimulationProfile? Simulation, IReadOnlyList<string> Installed);

    private static Gateway? ReadGateway(YamlMap m, string? clusterName, MemberDefaults? defaults)
    {
        var name = m.String("name", required: true);
        var notApplicable = clusterName is null ? m.String("not_applicable") : null;
        var ip = m.String("ip", required: notApplicable is null);
        var ownVersion = m.String("version", required: defaults?.Version is null && notApplicable is null);
        var version = ownVersion ?? defaults?.Version;
        var stateText = m.String("state");
        var installed = m.Has("installed") ? m.StringList("installed") : defaults?.Installed ?? [];
        var reachable = m.Bool("reachable") ?? true;
        var shell = m.Enum("shell", FleetNames.Shells) ?? defaults?.Shell ?? LoginShell.Expert;
        var vsx = m.Bool("vsx") ?? defaults?.Vsx ?? false;
        var ssh = ReadSsh(m.Map("ssh"));
        var sim = SimulationProfileReader.Read(m.Map("simulation")) ?? defaults?.Simulation ?? SimulationProfile.Default;
        m.RejectUnknownKeys(clusterName is null ? "a gateway" : "a cluster member");

        var state = MemberState.None;
        if (stateText is not null && !FleetNames.TryParseState(stateText, out state))
        {
            m.Error(m.Find("state")!, $"unknown state '{stateText}' (use {string.Join(", ", FleetNames.States.Keys.Where(k => k.Length > 0).Select(k => "'" + k + "'"))})");
        }

        if (name is not null && !Names.IsObjectName(name))
        {
            m.Error(m.Find("name")!, $"'{name}' is not a valid object name: {Names.ObjectNameRule}");
            name = null;
        }

        if (ip is not null && !Names.IsIp(ip))
        {
            m.Error(m.Find("ip")!, $"'{ip}' is not an IP address");
            ip = null;
        }

        if (version is not null && !Names.IsVersion(version))
        {
            // A cluster's own version is reported once, where the cluster sets it.
            if (ownVersion is not null)
            {
                m.Error(m.Find("version")!, $"'{version}' is not a Gaia version such as R81.20 or R82");
            }

            version = null;
        }

        if (name is not null && notApplicable is not null && (ip is null || version is null))
        {
            return new Gateway { Name = name, Ip = ip ?? string.Empty, Version = version ?? string.Empty, NotApplicable = notApplicable, Reachable = false, Line = m.Line, Column = m.Column };
        }

        if (name is null || ip is null || version is null)
        {
            return null;
        }

        return new Gateway
        {
            Name = name,
            Ip = ip,
            Version = version,
            ClusterName = clusterName,
            State = state,
            InstalledPackages = installed,
            Reachable = reachable && notApplicable is null && !sim.Has(Fault.Unreachable),
            NotApplicable = notApplicable,
            Shell = shell,
            Vsx = vsx,
            Ssh = ssh,
            Simulation = sim,
            Line = m.Line,
            Column = m.Column,
        };
    }

    private static void ReadCluster(YamlMap c, List<Gateway> gateways, List<Cluster> clusters)
    {
        var name = c.String("name", required: true);
        var kind = c.Enum("type", FleetNames.ClusterKinds, required: true);
        var defaults = new MemberDefaults(
            c.String("version"),
            c.Enum("shell", FleetNames.Shells),
            c.Bool("vsx") ?? kind == ClusterKind.VsxVsls,
            SimulationProfileReader.Read(c.Map("simulation")),
            c.StringList("installed"));
        var members = c.MapList("members");
        var commands = PairCommandsReader.Read(c.Map("commands"));
        var maxRounds = c.Int("max_rounds", 1, 100);
        c.RejectUnknownKeys("a cluster");
        if (defaults.Version is { } v && !Names.IsVersion(v))
        {
            c.Error(c.Find("version")!, $"'{v}' is not a Gaia version such as R81.20 or R82");
        }

        if (kind != ClusterKind.ActivePassivePair && (commands is not null || maxRounds is not null))
        {
            c.Error($"'commands' and 'max_rounds' belong to clusters of type active-passive only (cluster '{name}')");
        }
        else if (kind == ClusterKind.ActivePassivePair && members.Count != 2)
        {
            c.Error($"active-passive pair '{name}' needs exactly 2 members, found {members.Count.ToString(CultureInfo.InvariantCulture)}");
        }

        if (name is not null && !Names.IsObjectName(name))
        {
            c.Error(c.Find("name")!, $"'{name}' is not a valid object name: {Names.ObjectNameRule}");
            return;
        }

        if (members.Count < 2)
        {
            c.Error($"cluster '{name}' needs at least 2 members, found {members.Count.ToString(CultureInfo.InvariantCulture)}");
        }

        var names = new List<string>();
        foreach (var m in members)
        {
            if (ReadGateway(m, name, defaults) is { } gw)
            {
                gateways.Add(gw);
                names.Add(gw.Name);
            }
        }

        if (name is not null && kind is { } k)
        {
            clusters.Add(new Cluster { Name = name, Kind = k, Members = names, Line = c.Line, Column = c.Column, Commands = commands, MaxRounds = maxRounds });
        }
    }

    internal static SshEndpoint? ReadSsh(YamlMap? m)
    {
        if (m is null)
        {
            return null;
        }

        var host = m.String("host");
        var port = m.Int("port", 1, 65535);
        var user = m.String("user");
        m.RejectUnknownKeys("'ssh'");
        if (host is not null && !Names.IsIp(host) && !Names.IsObjectName(host))
        {
            m.Error(m.Find("host")!, $"'{host}' is neither an IP address nor a host name");
        }

        if (user is not null && !Names.IsObjectName(user))
        {
            m.Error(m.Find("user")!, $"'{user}' is not a valid user name");
        }

        return new SshEndpoint { Host = host, Port = port, User = user };
    }
}
