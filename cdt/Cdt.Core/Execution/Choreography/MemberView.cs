namespace Cdt.Execution.Choreography;

/// <summary>One member as it describes itself: reachable, its state (ACTIVE, STANDBY, DOWN, MASTER, BACKUP...), problem notifications.</summary>
public sealed record MemberView(RunTarget Member, bool Reachable, string State, IReadOnlyList<string> ProblemNotifications, string? Error)
{
    /// <summary>The state of a member whose answer could not be read.</summary>
    public const string Unknown = "UNKNOWN";

    public string Name => Member.Name;

    public bool IsActive => State == "ACTIVE" || State == "MASTER";

    public bool IsStandby => State == "STANDBY" || State == "BACKUP";

    public string Describe() => Reachable ? State + (ProblemNotifications.Count > 0 ? " (pnotes: " + string.Join(", ", ProblemNotifications) + ")" : string.Empty) : "unreachable (" + Error + ")";

    /// <summary>A member whose state could not be read: unreachable when the transport failed, else its answer was wrong.</summary>
    public static MemberView Unread(RunTarget member, bool reachable, string? error) => new(member, reachable, Unknown, [], error);
}
