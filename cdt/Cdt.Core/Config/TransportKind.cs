namespace Cdt.Config;

/// <summary>
/// How cdt reaches gateways: the built-in simulator, SSH.NET inside the cdt process (<c>ssh</c>, the
/// default for real fleets), or the system OpenSSH client (<c>openssh</c>: ssh-agent, ~/.ssh/config, ProxyCommand).
/// </summary>
public enum TransportKind
{
    Simulator,
    Ssh,
    OpenSsh,
}
