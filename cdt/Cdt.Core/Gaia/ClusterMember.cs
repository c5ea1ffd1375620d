namespace Cdt.Gaia;

/// <summary>One member line of <c>cphaprob state</c>.</summary>
public sealed record ClusterMember(int Id, bool Local, string Address, string Load, string State, string? Name)
{
    /// <summary>ACTIVE and ACTIVE(!) both carry traffic; the (!) means a problem is reported.</summary>
    public bool IsActive => State.StartsWith("ACTIVE", StringComparison.Ordinal);

    public bool IsStandby => State == "STANDBY" || State == "BACKUP";
}
