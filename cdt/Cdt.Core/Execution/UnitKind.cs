namespace Cdt.Execution;

/// <summary>How a unit is upgraded: its choreography.</summary>
public enum UnitKind
{
    Standalone,
    ClusterXlHa,
    Vrrp,
    VsxVsls,
    SecurityGroup,
    DualChassis,
    ActivePassivePair,
}
