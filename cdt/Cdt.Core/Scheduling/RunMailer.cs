using Cdt.Mail;
using Cdt.Config;
using Microsoft.Extensions.Logging;

namespace Cdt.Scheduling;

/// <summary>
/// Tells people about a scheduled run (start, end, failure) when the schedule asks for it.
/// A mail that cannot be sent is logged and never changes the run or its outcome.
/// </summary>
public sealed class RunMailer
{
    private readonly IMailSender? _sender;
    private readonly ILogger _log;

    public RunMailer(IMailSender? sender, ILogger log)
    {
        _sender = sender;
        _log = log;
    }

    public async Task NotifyAsync(ScheduleSettings s, MailEvent moment, string subject, string body, CancellationToken ct)
    {
        if (_sender is null || s.Mail is not { } mail || !mail.On.Contains(moment))
        {
            return;
        }

        try
        {
            await _sender.SendAsync(new OutgoingMail { To = mail.To, Subject = "[cdt] " + s.Name + ": " + subject, Body = body }, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _log.LogWarning("Schedule {Schedule}: the {Moment} mail could not be sent ({Error}); the run goes on", s.Name, moment.ToString().ToLowerInvariant(), e.Message);
        }
    }
}
