namespace Cdt.Transport.SshNet;

/// <summary>What known_hosts says about the key a gateway offered.</summary>
public enum HostKeyVerdict
{
    Known,

    /// <summary>No key of this type is known for the host.</summary>
    Unknown,

    /// <summary>Another key of this type is known for the host, or this key is revoked: possibly an attack.</summary>
    Mismatch,
}
