namespace Cdt.Scheduling;

/// <summary>Reading a schedule's state: none yet, the state, or why it cannot be read.</summary>
public sealed record StateRead(ScheduleState? State, string? Error)
{
    public bool Missing => State is null && Error is null;
}
