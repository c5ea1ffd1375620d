namespace Cdt.Config;

/// <summary>A schedule's <c>mail</c> section: who is told, and about which moments of a run.</summary>
public sealed record MailSettings
{
    public required IReadOnlyList<string> To { get; init; }

    public static readonly IReadOnlySet<MailEvent> AllEvents = new HashSet<MailEvent> { MailEvent.Start, MailEvent.End, MailEvent.Failure };

    public IReadOnlySet<MailEvent> On { get; init; } = AllEvents;
}
