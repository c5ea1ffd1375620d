using Cdt.Fleet;

namespace Cdt.Simulation;

public static class SimClusterKinds
{
    public static bool IsSecurityGroupKind(this SimCluster cluster) =>
        cluster.Kind is ClusterKind.MaestroSecurityGroup or ClusterKind.ElasticXlSecurityGroup or ClusterKind.DualChassis;
}
