namespace Cdt.Plans;

/// <summary>A plan's settings (CDT's <c>&lt;plan_settings&gt;</c>).</summary>
public sealed record PlanSettings
{
    public string? Name { get; init; }

    public string? Description { get; init; }

    /// <summary>Update the CPUSE deployment agent on each target before the actions.</summary>
    public bool UpdateCpuse { get; init; }

    /// <summary>Keep connections through a cluster version upgrade (Multi-Version Cluster).</summary>
    public bool ConnectivityUpgrade { get; init; }
}
