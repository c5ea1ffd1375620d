namespace Cdt.GatewayEmulator.Sshd;

/// <summary>What the client's known_hosts says about an address.</summary>
public enum KnownHostEntry
{
    Right,

    /// <summary>No line: an unknown host key.</summary>
    Missing,

    /// <summary>Another key: a changed host key (what a man-in-the-middle looks like).</summary>
    Wrong,
}
