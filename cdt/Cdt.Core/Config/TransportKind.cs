namespace Cdt.Config;

/// <summary>
/// How cdt reaches gateways: the built-in simulator, SSH.NET inside the cdt process (<c>ssh</c>, the
/// default for real fleets), the system OpenSSH client (<c>openssh</c>: ssh-agent, ~/.ssh/config, ProxyCommand),
/// or the management server's <c>run-script</c> (<c>management</c>: no SSH from cdt to any gateway).
/// </summary>
public enum TransportKind
{
    Simulator,
    Ssh,
    OpenSsh,
    Management,
}
