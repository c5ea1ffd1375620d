namespace Cdt.Gaia.Health;

/// <summary>
/// What a gateway looked like at one moment, read with read-only commands only: each part is a
/// parsed value, or absent with the reason in <see cref="Unread"/>. <see cref="Cluster"/> is also
/// absent (without a reason) on a gateway that is not a cluster member.
/// </summary>
public sealed record HealthSnapshot
{
    public const string ClusterPart = "cluster";
    public const string PolicyPart = "policy";
    public const string RoutesPart = "routes";
    public const string InterfacesPart = "interfaces";
    public const string ProcessesPart = "processes";
    public const string LicencesPart = "licences";

    /// <summary>The parts in the order they are read and shown.</summary>
    public static readonly IReadOnlyList<string> Parts = [ClusterPart, PolicyPart, RoutesPart, InterfacesPart, ProcessesPart, LicencesPart];

    public string Target { get; init; } = string.Empty;

    /// <summary>ISO 8601 with offset; set by whoever took it (the core has the clock).</summary>
    public string TakenAt { get; init; } = string.Empty;

    public ClusterHealth? Cluster { get; init; }

    public InstalledPolicy? Policy { get; init; }

    public RouteSummary? Routes { get; init; }

    public IReadOnlyList<LinkState>? Interfaces { get; init; }

    public IReadOnlyList<WatchedProcess>? Processes { get; init; }

    public IReadOnlyList<Licence>? Licences { get; init; }

    /// <summary>Part name to why it could not be read (command missing, output not understood, Clish login).</summary>
    public IReadOnlyDictionary<string, string> Unread { get; init; } = new Dictionary<string, string>();

    public bool WasRead(string part) => !Unread.ContainsKey(part);
}
