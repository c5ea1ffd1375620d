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

    /// <summary>Gateways whose <c>run-script</c> and <c>put-file</c> tasks fail without output, as when the server cannot reach the gateway's CPD.</summary>
    public IReadOnlySet<string> FailingTasks { get; set; } = new HashSet<string>();

    /// <summary>Gateways whose tasks stay <c>in progress</c> for ever.</summary>
    public IReadOnlySet<string> EndlessTasks { get; set; } = new HashSet<string>();

    /// <summary>Objects another session holds locked: a task on them is refused (HTTP 409 <c>generic_err_object_locked</c>, the emulator's choice: no real reply was seen).</summary>
    public IReadOnlySet<string> LockedObjects { get; set; } = new HashSet<string>();

    /// <summary>The server stops answering: every call is held until the client gives up, until this is set back.</summary>
    public bool Silent { get; set; }
}
