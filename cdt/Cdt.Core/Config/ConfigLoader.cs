using System.Reflection;
using Cdt.Diagnostics;
using Cdt.Formats;
using Cdt.Yaml;
using Cdt.Fleet;

using Cdt.Storage;

namespace Cdt.Config;

/// <summary>
/// Reads cdt.conf (YAML). Unknown settings are errors with their line, relative paths are resolved
/// against the config file's folder, and nothing half-read is returned.
/// </summary>
public static class ConfigLoader
{
    public const string DefaultPath = "cdt.conf";
    public const string EmbeddedSampleName = "embedded:cdt.conf.sample";

    /// <summary>Where, under the state folder, the last inventory read from a management server is kept for the commands that follow generate.</summary>
    public const string ManagementInventoryFile = "management-inventory.yml";

    private static readonly Dictionary<string, TransportKind> Transports = new(StringComparer.OrdinalIgnoreCase)
    {
        ["simulator"] = TransportKind.Simulator,
        ["ssh"] = TransportKind.Ssh,
        ["openssh"] = TransportKind.OpenSsh,
        ["management"] = TransportKind.Management,
    };

    private static readonly Dictionary<string, BatchPolicy> Policies = new(StringComparer.OrdinalIgnoreCase)
    {
        ["canary"] = BatchPolicy.Canary,
        ["fixed"] = BatchPolicy.Fixed,
        ["single"] = BatchPolicy.Single,
    };

    private static readonly Dictionary<string, PackageKind> PackageKinds = new(StringComparer.OrdinalIgnoreCase)
    {
        ["hotfix"] = PackageKind.Hotfix,
        ["upgrade"] = PackageKind.Upgrade,
    };

    public static CdtConfig Load(IFileStore files, string path)
    {
        if (path == EmbeddedSampleName)
        {
            return LoadText(EmbeddedSampleName, EmbeddedSample(), baseDirectory: null);
        }

        if (!files.FileExists(path))
        {
            throw new CdtInputException(path, null, null, "configuration file not found: copy cdt.conf.sample to cdt.conf, or pass --config PATH");
        }

        return LoadText(path, InputLimits.ReadText(files, path, "the configuration file"), Path.GetDirectoryName(Path.GetFullPath(path)));
    }

    public static string EmbeddedSample()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Cdt.cdt.conf.sample")
            ?? throw new InvalidOperationException("the embedded sample configuration is missing from the build");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Reads config text; with no base folder (the embedded sample) the inventory is the embedded sample fleet.</summary>
    public static CdtConfig LoadText(string source, string text, string? baseDirectory)
    {
        var diagnostics = new List<Diagnostic>();
        var root = YamlFile.Load(source, text, diagnostics) ?? throw new CdtInputException(diagnostics);

        string Resolve(string p) => baseDirectory is null || Path.IsPathRooted(p) ? p : Path.GetFullPath(Path.Combine(baseDirectory, p));

        var inventoryMap = root.Find("inventory") is YamlDotNet.RepresentationModel.YamlMappingNode ? root.Map("inventory") : null;
        var management = inventoryMap is null ? null : ManagementSettingsReader.Read(inventoryMap, Resolve);
        var inventoryText = inventoryMap is null ? root.String("inventory", required: baseDirectory is not null) : null;
        var transport = root.Enum("transport", Transports) ?? TransportKind.Simulator;
        if (transport == TransportKind.Management && inventoryMap is null)
        {
            root.Error(root.Find("transport")!, "'transport: management' reaches gateways through the management server: it needs 'inventory: { management: ... }' naming that server");
        }

        var simulator = ReadSimulator(root.Map("simulator"));
        var package = ReadPackage(root.Map("package"), Resolve);
        var connectivity = root.Bool("connectivity_upgrade") ?? false;
        var agent = root.String("cpuse_agent") is { } agentPath ? Resolve(agentPath) : null;
        var pre = ReadScript(root.Map("pre_script"), Resolve);
        var post = ReadScript(root.Map("post_script"), Resolve);
        var generate = ReadGenerate(root.Map("generate"));
        var executeMap = root.Map("execute");
        var execute = ExecuteSettingsReader.WithPolicyDefault(executeMap, ExecuteSettingsReader.Read(executeMap, Resolve, baseDirectory), management is not null, transport);
        var securityGroups = ProcedureSettingsReader.ReadSecurityGroups(root.Map("security_groups"));
        var activePassive = ProcedureSettingsReader.ReadActivePassive(root.Map("active_passive"));
        var stateDir = Resolve(root.String("state_dir") ?? ".cdt-state");
        var inventory = baseDirectory is null ? InventoryLoader.EmbeddedSampleName
            : inventoryMap is not null ? Path.Combine(stateDir, ManagementInventoryFile)
            : inventoryText is null ? string.Empty : Resolve(inventoryText);
        var smtp = SchedulesReader.ReadSmtp(root.Map("smtp"));
        var schedules = SchedulesReader.Read(root, Resolve, package, smtp);
        var ssh = SshSettingsReader.Read(root.Map("ssh"), Resolve);
        var health = HealthSettingsReader.Read(root);
        var clusters = HealthSettingsReader.ReadClusters(root.Map("clusters"));
        root.RejectUnknownKeys("cdt.conf");

        if (diagnostics.Count > 0)
        {
            throw new CdtInputException(diagnostics.OrderBy(d => d.Line).ThenBy(d => d.Column).ToList());
        }

        return new CdtConfig
        {
            Source = source,
            Inventory = inventory,
            Management = management,
            Transport = transport,
            Simulator = simulator,
            Package = package,
            ConnectivityUpgrade = connectivity,
            CpuseAgent = agent,
            PreScript = pre,
            PostScript = post,
            Generate = generate,
            Execute = execute,
            SecurityGroups = securityGroups,
            ActivePassive = activePassive,
            StateDir = stateDir,
            Smtp = smtp,
            Schedules = schedules,
            Ssh = ssh,
            Health = health,
            Clusters = clusters,
        };
    }

    private static SimulatorSettings ReadSimulator(YamlMap? m)
    {
        if (m is null)
        {
            return new SimulatorSettings();
        }

        var scaleText = m.String("time_scale");
        m.RejectUnknownKeys("'simulator'");
        if (scaleText is null)
        {
            return new SimulatorSettings();
        }

        if (!double.TryParse(scaleText, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var scale) || !SimulatorSettings.IsTimeScale(scale))
        {
            m.Error(m.Find("time_scale")!, $"'time_scale' must be {SimulatorSettings.TimeScaleRule}, not '{scaleText}'");
            return new SimulatorSettings();
        }

        return new SimulatorSettings { TimeScale = scale };
    }

    internal static PackageSpec? ReadPackage(YamlMap? m, Func<string, string> resolve)
    {
        if (m is null)
        {
            return null;
        }

        var path = m.String("path", required: true);
        var name = m.String("name");
        var versions = m.StringList("versions");
        var kind = m.Enum("type", PackageKinds) ?? PackageKind.Hotfix;
        var target = m.String("target_version");
        m.RejectUnknownKeys("'package' (path, name, versions, type, target_version)");
        if (target is not null && !Names.IsVersion(target))
        {
            m.Error(m.Find("target_version")!, $"'{target}' is not a Gaia version such as R82");
        }
        else if (kind == PackageKind.Upgrade && target is null)
        {
            m.Error("'package' of type upgrade needs 'target_version': the version gateways run once upgraded");
        }
        if (path is null)
        {
            return null;
        }

        foreach (var v in versions.Where(v => !Names.IsVersion(v)))
        {
            m.Error(m.Find("versions")!, $"'{v}' is not a Gaia version such as R81.20 or R82");
        }

        var spec = PackageSpec.FromFile(resolve(path), name, versions, kind) with { TargetVersion = target };
        RemoteValueRules.CheckPackage(m, spec);
        if (spec.Versions.Count == 0)
        {
            m.Error($"'package' needs 'versions': the Gaia versions it applies to (cannot tell from the file name '{spec.FileName}')");
        }

        return spec;
    }

    private static ScriptSpec? ReadScript(YamlMap? m, Func<string, string> resolve)
    {
        if (m is null)
        {
            return null;
        }

        var path = m.String("path", required: true);
        var args = m.StringList("arguments");
        var blocking = m.Bool("blocking") ?? true;
        m.RejectUnknownKeys("a script (path, arguments, blocking)");
        RemoteValueRules.CheckScript(m, path, args);
        return path is null ? null : new ScriptSpec { Path = resolve(path), Arguments = args, Blocking = blocking };
    }

    private static GenerateSettings ReadGenerate(YamlMap? m)
    {
        if (m is null)
        {
            return new GenerateSettings();
        }

        var probe = m.Bool("probe");
        var policy = m.Enum("batch_policy", Policies);
        var size = m.Int("batch_size", 1);
        m.RejectUnknownKeys("'generate' (probe, batch_policy, batch_size)");
        var d = new GenerateSettings();
        return new GenerateSettings { Probe = probe ?? d.Probe, Policy = policy ?? d.Policy, BatchSize = size ?? d.BatchSize };
    }
}
