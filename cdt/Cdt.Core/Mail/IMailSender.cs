namespace Cdt.Mail;

/// <summary>The port to a mail relay. Throws when the mail cannot be handed over; callers log and go on.</summary>
public interface IMailSender
{
    Task SendAsync(OutgoingMail mail, CancellationToken ct);
}
