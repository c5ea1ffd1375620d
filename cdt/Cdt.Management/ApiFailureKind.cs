namespace Cdt.Management;

/// <summary>Why a Management API call gave no usable reply: what a remote shell needs to tell a gateway's failure from the server's.</summary>
public enum ApiFailureKind
{
    /// <summary>No answer within the time-out, or no connection.</summary>
    NoAnswer,

    /// <summary>The server certificate does not match the pin or the CA.</summary>
    Certificate,

    /// <summary><c>login</c> was refused (wrong key, password or domain).</summary>
    LoginRefused,

    /// <summary>The session id was refused (expired or ended on the server).</summary>
    SessionRefused,

    /// <summary>Another error status (a locked object, a bad parameter, a server error).</summary>
    Refused,

    /// <summary>The reply is not the JSON the call returns.</summary>
    Unreadable,
}
