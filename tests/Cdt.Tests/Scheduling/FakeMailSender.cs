using Cdt.Mail;
using Cdt.Scheduling;

namespace Cdt.Tests.Scheduling;

/// <summary>Keeps the mails it is given, or fails like a relay that is down.</summary>
public sealed class FakeMailSender : IMailSender
{
    public List<OutgoingMail> Sent { get; } = [];

    public bool Down { get; set; }

    public Task SendAsync(OutgoingMail mail, CancellationToken ct)
    {
        if (Down)
        {
            throw new InvalidOperationException("connect to 127.0.0.1:25: Connection refused");
        }

        Sent.Add(mail);
        return Task.CompletedTask;
    }
}
