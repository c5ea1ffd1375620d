namespace Cdt.Mail;

/// <summary>One plain-text mail.</summary>
public sealed record OutgoingMail
{
    public required IReadOnlyList<string> To { get; init; }

    public required string Subject { get; init; }

    public required string Body { get; init; }
}
