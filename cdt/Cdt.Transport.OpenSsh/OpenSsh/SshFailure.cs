namespace Cdt.Transport.OpenSsh;

/// <summary>
/// Tells why ssh gave up (exit code 255), from what the OpenSSH client printed on stderr. The order
/// matters: a changed host key is reported before anything else, because it may be an attack.
/// </summary>
public static class SshFailure
{
    private static readonly string[] Unreachable =
    [
        "Connection refused", "No route to host", "Network is unreachable", "Could not resolve hostname",
        "Connection timed out", "Operation timed out", "timed out during banner exchange", "kex_exchange_identification",
        "channel 0: open failed", "stdio forwarding failed", "Name or service not known",
    ];

    public static TransportError Classify(string stderr, string? jumpHost)
    {
        if (Has(stderr, "REMOTE HOST IDENTIFICATION HAS CHANGED") || (Has(stderr, "Host key for") && Has(stderr, "has changed")))
        {
            return TransportError.HostKeyMismatch;
        }

        if (Has(stderr, "host key is known for") || Has(stderr, "Host key verification failed"))
        {
            return TransportError.UnknownHostKey;
        }

        if (Has(stderr, "Permission denied") || Has(stderr, "Too many authentication failures"))
        {
            return TransportError.AuthenticationFailed;
        }

        // Through a jump host that answered, the hop to the gateway itself was refused: the gateway's fault.
        if (Has(stderr, "channel 0: open failed") || Has(stderr, "stdio forwarding failed"))
        {
            return TransportError.Unreachable;
        }

        if (jumpHost is not null && JumpHostFailed(stderr, jumpHost))
        {
            return TransportError.JumpHostDown;
        }

        if (Unreachable.Any(s => Has(stderr, s)))
        {
            return TransportError.Unreachable;
        }

        // "Connection to X closed by remote host", "Broken pipe", "Connection reset", a server not
        // answering keep-alives, or a session that ended with 255 and no word: the connection went away.
        return TransportError.Dropped;
    }

    /// <summary>
    /// The line of ssh's message that says what happened (a host-key warning starts with a banner of
    /// '@'), put first so one-line reports show it; the rest follows unchanged.
    /// </summary>
    public static string Summarize(string stderr, TransportError error, string? jumpHost = null)
    {
        var lines = stderr.Replace("\r", string.Empty, StringComparison.Ordinal).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        string? Line(string part) => lines.FirstOrDefault(l => Has(l, part));
        var telling = error switch
        {
            TransportError.HostKeyMismatch => Line("Host key for") ?? Line("REMOTE HOST IDENTIFICATION HAS CHANGED"),
            TransportError.UnknownHostKey => Line("host key is known for") ?? Line("Host key verification failed"),
            TransportError.AuthenticationFailed => Line("Permission denied") ?? Line("authentication failures"),
            TransportError.JumpHostDown => Line("connect to host") ?? Line("Could not resolve hostname")
                ?? $"no answer from the jump host {jumpHost}" + (lines.Length > 0 ? " (" + lines[0] + ")" : string.Empty),
            _ => null,
        } ?? lines.FirstOrDefault(l => !l.StartsWith('@'));
        return telling is null ? stderr.Trim() : telling + (lines.Length > 1 ? "\n" + string.Join("\n", lines) : string.Empty);
    }

    /// <summary>
    /// The jump host's own name in a connect failure, or the proxied stream ("UNKNOWN port 65535")
    /// gone before the gateway's banner: the hop to the jump host failed, not the gateway.
    /// </summary>
    private static bool JumpHostFailed(string stderr, string jumpHost)
    {
        var host = JumpHostName(jumpHost);
        return Has(stderr, "connect to host " + host + " ")
            || Has(stderr, "Could not resolve hostname " + host)
            || Has(stderr, "UNKNOWN port 65535");
    }

    /// <summary>
    /// True when a failure through the jump host does not name the hop that failed (the proxied
    /// stream just ended): ssh's last words do not tell a dead jump host from a refusing gateway.
    /// </summary>
    public static bool JumpHostUnnamed(string stderr, string jumpHost)
    {
        var host = JumpHostName(jumpHost);
        return !Has(stderr, "connect to host " + host + " ") && !Has(stderr, "Could not resolve hostname " + host);
    }

    /// <summary>The host part of <c>[user@]host[:port]</c>.</summary>
    public static string JumpHostName(string jumpHost)
    {
        var host = jumpHost[(jumpHost.IndexOf('@', StringComparison.Ordinal) + 1)..];
        if (host.StartsWith('['))
        {
            return host[1..host.IndexOf(']', StringComparison.Ordinal)];
        }

        var colon = host.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? host : host[..colon];
    }

    private static bool Has(string text, string part) => text.Contains(part, StringComparison.OrdinalIgnoreCase);
}
