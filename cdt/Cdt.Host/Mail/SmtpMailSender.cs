using Cdt.Mail;
using System.Net;
using System.Net.Mail;
using Cdt.Config;

namespace Cdt.Host;

/// <summary>The mail adapter at the edge: System.Net.Mail to the relay in the <c>smtp</c> section.</summary>
public sealed class SmtpMailSender : IMailSender
{
    private readonly SmtpSettings _settings;
    private readonly Func<string, string?> _environment;

    public SmtpMailSender(SmtpSettings settings, Func<string, string?> environment)
    {
        _settings = settings;
        _environment = environment;
    }

    public async Task SendAsync(OutgoingMail mail, CancellationToken ct)
    {
        using var client = new SmtpClient(_settings.Host, _settings.Port) { EnableSsl = _settings.StartTls };
        if (_settings.User is { } user)
        {
            var variable = _settings.PasswordVariable ?? throw new InvalidOperationException($"SMTP user '{user}' has no 'password_env' in cdt.conf");
            var password = _environment(variable);
            if (string.IsNullOrEmpty(password))
            {
                // An empty password would only fail later at the relay, or worse, be accepted.
                throw new InvalidOperationException($"SMTP user '{user}': the environment variable {variable} named by 'password_env' is not set; mail not sent");
            }

            client.Credentials = new NetworkCredential(user, password);
        }

        using var message = new MailMessage { From = new MailAddress(_settings.From), Subject = mail.Subject, Body = mail.Body };
        foreach (var to in mail.To)
        {
            message.To.Add(to);
        }

        await client.SendMailAsync(message, ct);
    }
}
