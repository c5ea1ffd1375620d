using Cdt.Fleet;

namespace Cdt.Config;

/// <summary>The <c>security_groups</c> section of cdt.conf: how Maestro and ElasticXL Security Groups are installed.</summary>
public sealed record SecurityGroupSettings
{
    /// <summary>Logical groups installed in turn (at least 2); a Security Group's own <c>groups</c> wins.</summary>
    public int Groups { get; init; } = LogicalGroups.Default;

    /// <summary>How long members may take to be UP again after their install and reboot.</summary>
    public TimeSpan UpTimeout { get; init; } = TimeSpan.FromMinutes(45);
}
