namespace Cdt.Fleet;

/// <summary>How the simulated gateway behaves: durations (simulated time) and injected faults.</summary>
public sealed record SimulationProfile
{
    public static readonly SimulationProfile Default = new();

    public TimeSpan InstallDuration { get; init; } = TimeSpan.FromMinutes(20);

    public TimeSpan RebootDuration { get; init; } = TimeSpan.FromMinutes(6);

    public IReadOnlySet<Fault> Faults { get; init; } = new HashSet<Fault>();

    /// <summary>How many copies of a package fail before one succeeds (download retries).</summary>
    public int TransferFailures { get; init; }

    /// <summary>Exit codes of user scripts by file name; a script not listed exits 0.</summary>
    public IReadOnlyDictionary<string, int> ScriptExitCodes { get; init; } = new Dictionary<string, int>();

    /// <summary>Active/passive pair nodes: how many rounds of updates the vendor's updater offers (seed 003, step 19).</summary>
    public int UpdateRounds { get; init; } = 1;

    /// <summary>Active/passive pair nodes: how long the pair takes to be in sync again once a rebooted node is back.</summary>
    public TimeSpan SyncDuration { get; init; } = TimeSpan.FromMinutes(3);

    public bool Has(Fault fault) => Faults.Contains(fault);
}
