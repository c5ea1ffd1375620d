namespace Cdt.Config;

/// <summary>How cdt reaches gateways: the built-in simulator, or the system OpenSSH client.</summary>
public enum TransportKind
{
    Simulator,
    Ssh,
}
