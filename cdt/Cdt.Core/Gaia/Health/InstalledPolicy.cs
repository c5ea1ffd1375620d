namespace Cdt.Gaia.Health;

/// <summary>The security policy a gateway enforces, as <c>cpstat -f policy fw</c> names it; an empty name means none is loaded.</summary>
public sealed record InstalledPolicy(string Name, string? InstalledAt)
{
    /// <summary>
    /// What a gateway falls back to when its real policy did not load: <c>InitialPolicy</c> (after a
    /// fresh install) or <c>defaultfilter</c> (boot-time filter); both block most traffic.
    /// </summary>
    public bool IsFallback =>
        Name.Length == 0
        || Name.Equals("InitialPolicy", StringComparison.OrdinalIgnoreCase)
        || Name.Equals("defaultfilter", StringComparison.OrdinalIgnoreCase);

    public string Describe() => Name.Length == 0 ? "no policy" : InstalledAt is { } at ? $"{Name} (installed {at})" : Name;
}
