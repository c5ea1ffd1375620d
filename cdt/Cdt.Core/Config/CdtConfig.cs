namespace Cdt.Config;

/// <summary>
/// Everything cdt.conf says, resolved: relative paths made absolute against the config's folder.
/// Later sections (execute, ssh, schedules, smtp) hang off this record.
/// </summary>
public sealed record CdtConfig
{
    /// <summary>The config file this came from, or the embedded sample's name.</summary>
    public required string Source { get; init; }

    /// <summary>
    /// Inventory file path, or the embedded sample fleet's name. With <see cref="Management"/> it is
    /// the copy of the last read from the server that generate refreshes and later commands use.
    /// </summary>
    public required string Inventory { get; init; }

    /// <summary>The Management API server the inventory is read from; null when it is a file.</summary>
    public Fleet.Management.ManagementSettings? Management { get; init; }

    public TransportKind Transport { get; init; } = TransportKind.Simulator;

    public SimulatorSettings Simulator { get; init; } = new();

    /// <summary>Basic mode's package; null means Advanced mode (a plan is needed).</summary>
    public PackageSpec? Package { get; init; }

    public bool ConnectivityUpgrade { get; init; }

    /// <summary>The CPUSE deployment agent package a plan's <c>update_cpuse</c> installs (CDT's <c>&lt;CPUSE&gt;</c>).</summary>
    public string? CpuseAgent { get; init; }

    public ScriptSpec? PreScript { get; init; }

    public ScriptSpec? PostScript { get; init; }

    public GenerateSettings Generate { get; init; } = new();

    public ExecuteSettings Execute { get; init; } = new();

    public SecurityGroupSettings SecurityGroups { get; init; } = new();

    public ActivePassiveSettings ActivePassive { get; init; } = new();

    /// <summary>Where schedules keep their state and locks; relative (for the embedded sample) means from the working folder.</summary>
    public string StateDir { get; init; } = ".cdt-state";

    public SmtpSettings? Smtp { get; init; }

    public IReadOnlyList<ScheduleSettings> Schedules { get; init; } = [];

    /// <summary>How the OpenSSH transport reaches gateways (used when <see cref="Transport"/> is ssh).</summary>
    public SshSettings Ssh { get; init; } = new();

    /// <summary>Health snapshots before and after each install, and what a regression does.</summary>
    public HealthSettings Health { get; init; } = new();

    public ClusterSettings Clusters { get; init; } = new();
}
