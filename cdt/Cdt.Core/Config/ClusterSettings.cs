namespace Cdt.Config;

/// <summary>The <c>clusters</c> section of cdt.conf: what applies to every active/standby cluster.</summary>
public sealed record ClusterSettings
{
    /// <summary>
    /// How long the upgraded member that took over carries the traffic alone, its health re-checked,
    /// before the former active member is touched (zero: no wait).
    /// </summary>
    public TimeSpan Soak { get; init; }
}
