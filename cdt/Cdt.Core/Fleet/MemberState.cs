namespace Cdt.Fleet;

/// <summary>A gateway's role in its cluster as the management side last knew it (the CSV "State" column).</summary>
public enum MemberState
{
    None,
    Active,
    Standby,
    Backup,
    Master,
    VslsMember,
    VslsActiveMember,
    Up,
    Down,
    Passive,
}
