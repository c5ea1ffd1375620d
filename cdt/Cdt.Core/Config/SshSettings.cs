namespace Cdt.Config;

/// <summary>
/// The <c>ssh</c> section of cdt.conf: how the OpenSSH transport reaches gateways. Keys or an agent
/// only: cdt never takes a password. Per-gateway <c>ssh:</c> entries of the inventory override host,
/// port and user.
/// </summary>
public sealed record SshSettings
{
    /// <summary>Login user; null leaves it to ~/.ssh/config or the local user name.</summary>
    public string? User { get; init; }

    public int? Port { get; init; }

    /// <summary>Private key file; null uses the agent (<c>SSH_AUTH_SOCK</c>) and ssh's default keys.</summary>
    public string? IdentityFile { get; init; }

    /// <summary>known_hosts file to verify gateways against; null is ssh's default (~/.ssh/known_hosts).</summary>
    public string? KnownHosts { get; init; }

    public HostKeyPolicy HostKeyPolicy { get; init; } = HostKeyPolicy.Strict;

    /// <summary><c>[user@]host[:port]</c> of a jump host (usually the management server), or null.</summary>
    public string? JumpHost { get; init; }

    /// <summary>An ssh_config file read after cdt's own settings; null reads ~/.ssh/config when it exists.</summary>
    public string? ConfigFile { get; init; }

    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long an idle shared connection stays open if cdt dies without closing it.</summary>
    public TimeSpan ControlPersist { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Bytes of stdout (and of stderr) kept per command; the rest is dropped and said so.</summary>
    public int MaxOutput { get; init; } = 1024 * 1024;
}
