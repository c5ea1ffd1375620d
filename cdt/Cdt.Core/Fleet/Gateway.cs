namespace Cdt.Fleet;

/// <summary>
/// One row of the candidates list: a standalone gateway, a cluster member or a Security Group member,
/// as the management side knows it.
/// </summary>
public sealed record Gateway
{
    public required string Name { get; init; }

    public required string Ip { get; init; }

    public required string Version { get; init; }

    /// <summary>The cluster, pair or Security Group this gateway belongs to; null for a standalone gateway.</summary>
    public string? ClusterName { get; init; }

    public MemberState State { get; init; }

    public IReadOnlyList<string> InstalledPackages { get; init; } = [];

    public bool Reachable { get; init; } = true;

    /// <summary>Why cdt cannot install on this object at all (an object type it does not know, say); such a row is always N/A and never reached.</summary>
    public string? NotApplicable { get; init; }

    public LoginShell Shell { get; init; } = LoginShell.Expert;

    /// <summary>Commands run in the context of VS0 / Virtual Gateway 0 (<c>vsenv 0</c>).</summary>
    public bool Vsx { get; init; }

    /// <summary>Security Group member id such as <c>1_1</c>; the first number is the site or chassis.</summary>
    public string? MemberId { get; init; }

    public int? Site { get; init; }

    public SshEndpoint? Ssh { get; init; }

    public SimulationProfile Simulation { get; init; } = SimulationProfile.Default;

    /// <summary>Line in the inventory file, for messages.</summary>
    public int Line { get; init; }

    /// <summary>Column in the inventory file, for messages.</summary>
    public int Column { get; init; }

    public bool IsStandalone => ClusterName is null;
}
