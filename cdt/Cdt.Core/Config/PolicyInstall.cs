namespace Cdt.Config;

/// <summary>
/// cdt.conf's <c>execute.install_policy</c>: which policies the management server installs on a
/// unit after its package (CDT installs the Access Control and Threat Prevention policies).
/// </summary>
public enum PolicyInstall
{
    /// <summary>No policy installation: the gateways keep what they load at boot.</summary>
    None,

    /// <summary>The Access Control policy only.</summary>
    Access,

    /// <summary>Access Control and Threat Prevention, as CDT does.</summary>
    AccessThreat,

    /// <summary>Every policy the policy package has enabled (the server's own default for <c>install-policy</c>).</summary>
    All,
}
