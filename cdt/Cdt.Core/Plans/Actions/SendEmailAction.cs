namespace Cdt.Plans;

/// <summary>
/// <c>send_email</c>: a mail through the SMTP server of cdt.conf (<c>smtp:</c>). A mail that cannot
/// be sent is a warning: it never fails the deployment, so the action is never critical.
/// </summary>
public sealed record SendEmailAction : PlanAction
{
    public override string ActionName => "send_email";

    public required IReadOnlyList<string> To { get; init; }

    public required string Subject { get; init; }

    public string Body { get; init; } = string.Empty;

    public override TimeSpan DefaultTimeout => TimeSpan.FromMinutes(1);
}
