namespace Cdt.Config;

/// <summary>The <c>health</c> section of cdt.conf: snapshots before and after each install, compared (docs/health.md).</summary>
public sealed record HealthSettings
{
    /// <summary>
    /// On with a <c>health:</c> section in cdt.conf (the sample has one) or <c>health: on</c>; off
    /// without one, or with <c>health: off</c>: no snapshots, no findings.
    /// </summary>
    public bool Enabled { get; init; }

    /// <summary>The share of routes that may come and go across an install (0.05: 5%); more is a finding.</summary>
    public double RoutesTolerance { get; init; } = 0.05;

    public RegressionPolicy OnRegression { get; init; } = RegressionPolicy.Fail;

    /// <summary>
    /// How long after its confirm a target may take to come back to its earlier health (processes
    /// starting, a cluster member rejoining) before what is still different counts as a regression.
    /// </summary>
    public TimeSpan Settle { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How often health is read again while settling and during a soak.</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(30);
}
