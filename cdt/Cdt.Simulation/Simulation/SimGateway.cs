using Cdt.Fleet;

namespace Cdt.Simulation;

/// <summary>The mutable state of one simulated gateway (serialized as-is by the SSH gateway emulator).</summary>
public sealed class SimGateway
{
    public string Name { get; set; } = string.Empty;

    public string Address { get; set; } = string.Empty;

    public string Version { get; set; } = string.Empty;

    public string? Cluster { get; set; }

    public string? MemberId { get; set; }

    public LoginShell Shell { get; set; }

    public bool Vsx { get; set; }

    public TimeSpan InstallDuration { get; set; }

    public TimeSpan RebootDuration { get; set; }

    public HashSet<Fault> Faults { get; set; } = [];

    public int TransferFailuresLeft { get; set; }

    public Dictionary<string, int> ScriptExitCodes { get; set; } = [];

    public List<string> Imported { get; set; } = [];

    public List<string> Installed { get; set; } = [];

    /// <summary>How many times each package was installed (a test proves "exactly once").</summary>
    public Dictionary<string, int> InstallCount { get; set; } = [];

    public Dictionary<string, SimFile> Files { get; set; } = [];

    public List<string> Snapshots { get; set; } = [];

    public SimRole Role { get; set; }

    public bool AdminDown { get; set; }

    /// <summary>What keeps the gateway out of service right now (an install), or null.</summary>
    public string? Busy { get; set; }

    /// <summary>Rebooting until this time; <see cref="DateTimeOffset.MaxValue"/> means it never comes back.</summary>
    public DateTimeOffset? DownUntil { get; set; }

    public bool ConfigLocked { get; set; }

    /// <summary>Multi-Version Cluster mode (cphaconf mvc on), used by connectivity upgrades.</summary>
    public bool Mvc { get; set; }

    public int Reboots { get; set; }

    /// <summary>Security Group member back from a reboot that never comes UP (fault <c>never_up</c>).</summary>
    public bool Stuck { get; set; }

    /// <summary>Active/passive pair node: rounds of updates its updater still offers.</summary>
    public int UpdateRounds { get; set; }

    /// <summary>Active/passive pair node: how long the pair takes to resynchronize once this node is back from a reboot.</summary>
    public TimeSpan SyncDuration { get; set; } = SimulationProfile.Default.SyncDuration;

    /// <summary>Active/passive pair node: rounds installed and applied by a reboot.</summary>
    public int AppliedRounds { get; set; }

    /// <summary>Active/passive pair node: +1 an installed round, -1 a removed one, waiting for the reboot.</summary>
    public int StagedChange { get; set; }

    /// <summary>The site or chassis of a Security Group member (the first number of its id).</summary>
    public int Site => MemberId is { } id && Fleet.SecurityGroupMember.ParseId(id) is { } p ? p.Site : 0;

    /// <summary>The member's number within its site.</summary>
    public int Number => MemberId is { } id && Fleet.SecurityGroupMember.ParseId(id) is { } p ? p.Number : 0;

    public bool Has(Fault fault) => Faults.Contains(fault);

    /// <summary>
    /// What reading a file gives: what was written there, else, for the system log every gateway
    /// has (<c>/var/log/messages</c>), a line naming it; null for no such file. The in-process
    /// shell's fetch and the SSH emulator's <c>cat</c> both read through here.
    /// </summary>
    public byte[]? ReadFile(string path) =>
        Files.TryGetValue(path, out var f) && f.Content is not null ? f.Content
        : path == "/var/log/messages" ? System.Text.Encoding.UTF8.GetBytes($"simulated {path} of {Name}\n")
        : null;

    public bool IsRebooting(DateTimeOffset now) => DownUntil is { } until && now < until;

    /// <summary>Carrying (or able to carry) traffic: up, not installing, not administratively down.</summary>
    public bool Serving(DateTimeOffset now) => !IsRebooting(now) && Busy is null && !AdminDown && !Stuck;

    public string WhyOutOfService(DateTimeOffset now) =>
        IsRebooting(now) ? "rebooting" : Busy ?? (AdminDown ? "admin down" : Stuck ? "down (never came up)" : "serving");
}
