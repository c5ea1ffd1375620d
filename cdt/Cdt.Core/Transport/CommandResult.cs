namespace Cdt.Transport;

/// <summary>What running one command on a gateway gave: exit code, output, duration, or a transport failure.</summary>
public sealed record CommandResult
{
    public required int ExitCode { get; init; }

    public string Stdout { get; init; } = string.Empty;

    public string Stderr { get; init; } = string.Empty;

    public TimeSpan Duration { get; init; }

    public TransportError Error { get; init; } = TransportError.None;

    /// <summary>True when the gateway answered (whatever the exit code).</summary>
    public bool Answered => Error == TransportError.None;

    public bool Succeeded => Answered && ExitCode == 0;

    public static CommandResult Failed(TransportError error, string message, TimeSpan duration = default) =>
        new() { ExitCode = 255, Stderr = message, Error = error, Duration = duration };

    /// <summary>A one-line description for reports: the transport failure or the first stderr/stdout line.</summary>
    public string Describe()
    {
        var text = FirstLine(Stderr) ?? FirstLine(Stdout) ?? string.Empty;
        return Error switch
        {
            TransportError.None => $"exit {ExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture)}" + (text.Length > 0 ? ": " + text : string.Empty),
            _ => ErrorText(Error) + (text.Length > 0 ? ": " + text : string.Empty),
        };
    }

    public static string ErrorText(TransportError error) => error switch
    {
        TransportError.Unreachable => "unreachable",
        TransportError.AuthenticationFailed => "authentication failed",
        TransportError.UnknownHostKey => "unknown host key",
        TransportError.HostKeyMismatch => "host key mismatch",
        TransportError.Timeout => "timed out",
        TransportError.Dropped => "connection dropped",
        TransportError.JumpHostDown => "jump host unreachable",
        _ => "ok",
    };

    /// <summary>How much of the first line of an error a description quotes.</summary>
    private const int FirstLineLength = 200;

    private static string? FirstLine(string text)
    {
        foreach (var line in text.Split('\n'))
        {
            var t = line.Trim();
            if (t.Length > 0)
            {
                return t.Length > FirstLineLength ? t[..FirstLineLength] + "..." : t;
            }
        }

        return null;
    }
}
