namespace Cdt.Config;

/// <summary>The <c>smtp</c> section: the mail relay used by schedules (and plans' send_email).</summary>
public sealed record SmtpSettings
{
    public required string Host { get; init; }

    public int Port { get; init; } = 25;

    public required string From { get; init; }

    public bool StartTls { get; init; }

    public string? User { get; init; }

    /// <summary>The name of the environment variable holding the password: never the password itself.</summary>
    public string? PasswordVariable { get; init; }

    /// <summary>Lets a <see cref="User"/> log in without <see cref="StartTls"/>: only ever said on purpose, in cdt.conf.</summary>
    public bool AllowPlaintextAuth { get; init; }
}
