namespace Cdt.Gaia;

/// <summary>A Maestro site or a chassis as <c>asg stat</c> heads its section: its number and state (ACTIVE, STANDBY, DOWN, or empty).</summary>
public sealed record AsgSite(int Number, string State)
{
    public bool IsActive => State.StartsWith("ACTIVE", StringComparison.Ordinal);

    public bool IsStandby => State.StartsWith("STANDBY", StringComparison.Ordinal);
}
