namespace Cdt.ManagementEmulator;

/// <summary>
/// Faults a test switches on before cdt runs. Each one is what a real server does in that case, as
/// far as MGMT-API.md and the public clients show it.
/// </summary>
public sealed class EmulatorFaults
{
    /// <summary>Every login is refused as with a wrong password or key (HTTP 401, <c>err_login_failed</c>).</summary>
    public bool RefuseLogins { get; set; }

    /// <summary>A session ends on the server after this many calls (login not counted); the next call gets HTTP 401 <c>generic_err_wrong_session_id</c>.</summary>
    public int? ExpireSessionAfterCalls { get; set; }

    /// <summary>The <c>show-gateways-and-servers</c> page at this offset lists half the objects asked for, with <c>to</c> and <c>total</c> to match what it lists.</summary>
    public int? ShortPageAtOffset { get; set; }

    /// <summary>This call answers 200 with JSON of the wrong shape.</summary>
    public string? GarbledCall { get; set; }

    /// <summary>This call never answers: the request is held until the client gives up.</summary>
    public string? HangingCall { get; set; }
}
