namespace Cdt.Fleet;

/// <summary>Per-gateway SSH overrides from the inventory; unset fields fall back to the <c>ssh</c> section of cdt.conf.</summary>
public sealed record SshEndpoint
{
    public string? Host { get; init; }

    public int? Port { get; init; }

    public string? User { get; init; }
}
