namespace Cdt.Config;

/// <summary>The moments of a scheduled run that can send mail.</summary>
public enum MailEvent
{
    Start,
    End,
    Failure,
}
