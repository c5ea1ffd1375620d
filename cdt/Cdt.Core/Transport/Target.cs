using Cdt.Fleet;

namespace Cdt.Transport;

/// <summary>Where and how to reach one gateway: what the remote shell needs, nothing more.</summary>
public sealed record Target
{
    /// <summary>The gateway's object name (logs, per-target folders).</summary>
    public required string Name { get; init; }

    /// <summary>Address to connect to (inventory IP unless overridden by <c>ssh.host</c>).</summary>
    public required string Host { get; init; }

    public int? Port { get; init; }

    public string? User { get; init; }

    public LoginShell Shell { get; init; } = LoginShell.Expert;

    public bool Vsx { get; init; }

    public static Target From(Gateway g) => new()
    {
        Name = g.Name,
        Host = g.Ssh?.Host ?? g.Ip,
        Port = g.Ssh?.Port,
        User = g.Ssh?.User,
        Shell = g.Shell,
        Vsx = g.Vsx,
    };
}
