namespace Cdt.Transport;

/// <summary>Why a command never got a real answer from the gateway.</summary>
public enum TransportError
{
    None,

    /// <summary>Connection refused, no route, or connect time-out: the gateway (or its address) is not answering.</summary>
    Unreachable,

    AuthenticationFailed,

    /// <summary>The host key is not in known_hosts (and the config does not allow accept-new).</summary>
    UnknownHostKey,

    /// <summary>The host key differs from known_hosts: possible man-in-the-middle; never continue.</summary>
    HostKeyMismatch,

    /// <summary>The command ran longer than its time-out and was killed.</summary>
    Timeout,

    /// <summary>The connection dropped while the command ran (a reboot, a network glitch).</summary>
    Dropped,

    /// <summary>The jump host (ProxyJump) could not be reached.</summary>
    JumpHostDown,
}
