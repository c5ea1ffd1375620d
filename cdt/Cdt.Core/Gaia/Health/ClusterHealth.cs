namespace Cdt.Gaia.Health;

/// <summary>The local member's part of <c>cphaprob state</c>: its state and whether the cluster as a whole looked healthy.</summary>
public sealed record ClusterHealth(string LocalState, bool Healthy, string Summary)
{
    /// <summary>A member carrying or ready to carry traffic: ACTIVE (without "!"), STANDBY, BACKUP.</summary>
    public bool LocalHealthy => LocalState is "ACTIVE" or "STANDBY" or "BACKUP";

    public static ClusterHealth From(ClusterState state)
    {
        var healthy = state.IsHealthy(out var why);
        var local = state.Local?.State ?? "UNKNOWN";
        return new ClusterHealth(local, healthy, $"local {local}; {why}");
    }
}
