namespace Cdt.Fleet.Management;

/// <summary>
/// cdt.conf's <c>inventory.management</c>: where the Management API is and how to log in to it.
/// Secrets are never here, only the names of the environment variables that hold them; the server
/// certificate is always verified, against a pinned fingerprint or a CA file.
/// </summary>
public sealed record ManagementSettings
{
    /// <summary>The server's base address, such as <c>https://10.0.0.10:443</c> (cdt adds <c>/web_api/</c>).</summary>
    public required Uri Server { get; init; }

    /// <summary>The Multi-Domain Server domain to log in to; null on a single-domain server.</summary>
    public string? Domain { get; init; }

    public string? ApiKeyEnv { get; init; }

    public string? User { get; init; }

    public string? PasswordEnv { get; init; }

    /// <summary>The server certificate's SHA-256, as <c>SHA256:</c> and hexadecimal (colons allowed).</summary>
    public string? Fingerprint { get; init; }

    public string? CaFile { get; init; }

    /// <summary>How long one call may take before the server counts as not answering.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Objects per <c>show-gateways-and-servers</c> page.</summary>
    public int PageSize { get; init; } = 500;

    /// <summary>
    /// <c>transport: management</c>: the longest a <c>run-script</c> task runs before the server stops
    /// it (about 5 minutes). A command given longer is followed only this long, then reported as a
    /// dropped connection, so cdt follows it up with status commands as over SSH.
    /// </summary>
    public TimeSpan ScriptLimit { get; init; } = DefaultScriptLimit;

    /// <summary><c>transport: management</c>: the pause between two <c>show-task</c> calls on one task.</summary>
    public TimeSpan TaskPoll { get; init; } = DefaultTaskPoll;

    public static readonly TimeSpan DefaultScriptLimit = TimeSpan.FromMinutes(5);

    public static readonly TimeSpan DefaultTaskPoll = TimeSpan.FromSeconds(2);

    /// <summary>The server as messages name it.</summary>
    public string Name => Server.GetLeftPart(UriPartial.Authority);
}
