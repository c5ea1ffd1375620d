namespace Cdt.GatewayEmulator.Sshd;

/// <summary>How one emulated gateway address behaves at the SSH level (the connection faults).</summary>
public sealed record AddressOptions
{
    public static readonly AddressOptions Normal = new();

    /// <summary>False: nothing listens there, so connecting is refused.</summary>
    public bool Listen { get; init; } = true;

    /// <summary>False: sshd accepts no key for this address (authentication fails).</summary>
    public bool Authorized { get; init; } = true;

    public KnownHostEntry KnownHost { get; init; } = KnownHostEntry.Right;
}
