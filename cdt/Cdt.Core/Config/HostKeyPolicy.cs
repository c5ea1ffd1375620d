namespace Cdt.Config;

/// <summary>What ssh does with a gateway whose host key is not in known_hosts yet.</summary>
public enum HostKeyPolicy
{
    /// <summary>Refuse it (<c>StrictHostKeyChecking=yes</c>): every host key must be known beforehand.</summary>
    Strict,

    /// <summary>Record a new key on first contact (<c>StrictHostKeyChecking=accept-new</c>); a changed key is still refused.</summary>
    AcceptNew,
}
