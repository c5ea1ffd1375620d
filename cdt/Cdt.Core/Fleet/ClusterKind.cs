namespace Cdt.Fleet;

/// <summary>What kind of high-availability unit a set of gateways forms; decides the choreography.</summary>
public enum ClusterKind
{
    ClusterXlHa,
    Vrrp,
    VsxVsls,
    ClusterXlLoadSharing,
    MaestroSecurityGroup,
    ElasticXlSecurityGroup,
    DualChassis,
    ActivePassivePair,
}
