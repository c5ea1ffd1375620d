namespace Cdt.Gaia;

/// <summary>What <c>cphaprob state</c> says: the mode, the members and the active problem notifications.</summary>
public sealed record ClusterState(string Mode, IReadOnlyList<ClusterMember> Members, IReadOnlyList<string> ProblemNotifications)
{
    public ClusterMember? Local => Members.FirstOrDefault(m => m.Local);

    public IEnumerable<ClusterMember> Active => Members.Where(m => m.IsActive);

    /// <summary>Healthy as CDT requires before touching a cluster: one ACTIVE (no "!"), the rest STANDBY, no pnotes.</summary>
    public bool IsHealthy(out string why)
    {
        var active = Members.Count(m => m.State == "ACTIVE");
        if (Members.Any(m => m.State == "ACTIVE(!)"))
        {
            why = "a member is ACTIVE(!): it reports a problem";
            return false;
        }

        if (active != 1)
        {
            why = $"{active} members are ACTIVE, expected exactly 1";
            return false;
        }

        var other = Members.FirstOrDefault(m => !m.IsActive && !m.IsStandby);
        if (other is not null)
        {
            why = $"member {other.Name ?? other.Address} is {other.State}, expected STANDBY";
            return false;
        }

        if (ProblemNotifications.Count > 0)
        {
            why = "active problem notifications: " + string.Join(", ", ProblemNotifications);
            return false;
        }

        why = "one ACTIVE, the others STANDBY, no problem notifications";
        return true;
    }
}
