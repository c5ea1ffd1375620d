using Cdt.Fleet;

namespace Cdt.Execution.Choreography;

/// <summary>
/// What a Security Group installs at once while the rest carries the traffic: a logical group
/// ("A", "B"...) or, on a dual-chassis system, a whole chassis.
/// </summary>
public sealed record SecurityGroupStage(string Label, IReadOnlyList<SecurityGroupMember> Members, int? Chassis)
{
    /// <summary>How reports name it: "group A" or "chassis1".</summary>
    public string Name => Chassis is null ? "group " + Label : Label;
}
