using Cdt.Mail;
using Cdt.Execution;

namespace Cdt.Plans.Steps;

/// <summary>log and send_email: they tell people; neither can fail a deployment.</summary>
public static class NoticeRunner
{
    public static Task<StepResult> LogAsync(TargetContext c, LogAction a)
    {
        c.Log(a.Message);
        return Task.FromResult(StepResult.Ok(a.Message));
    }

    /// <summary>A mail that cannot be sent is a failed non-critical step: the report shows it as a warning.</summary>
    public static async Task<StepResult> MailAsync(TargetContext c, SendEmailAction a, Mail.IMailSender? send, CancellationToken ct)
    {
        if (send is null)
        {
            return StepResult.Failed("mail not sent (a warning: the deployment goes on): cdt.conf has no 'smtp' section");
        }

        var body = $"Gateway: {c.Target.Name}\nRun: {c.Run.RunFolder}\n\n{a.Body}";
        try
        {
            await send.SendAsync(new Mail.OutgoingMail { To = a.To, Subject = a.Subject, Body = body }, ct);
            return StepResult.Ok("mail sent to " + string.Join(", ", a.To));
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            return StepResult.Failed("mail not sent (a warning: the deployment goes on): " + e.Message);
        }
    }
}
