using Cdt.Config;

namespace Cdt.Execution;

/// <summary>
/// Whether a batch may start against the deadline, for the run and its dry run alike: never at or
/// after the deadline; under the <c>predict</c> policy, not when its estimate would end after it.
/// </summary>
public static class DeadlineRule
{
    public static DeadlineVerdict Check(DateTimeOffset? deadline, DeadlinePolicy policy, DateTimeOffset now, DateTimeOffset predictedEnd)
    {
        if (deadline is not { } d)
        {
            return DeadlineVerdict.Starts;
        }

        if (now >= d)
        {
            return DeadlineVerdict.Passed;
        }

        return policy == DeadlinePolicy.Predict && predictedEnd > d ? DeadlineVerdict.WouldEndAfter : DeadlineVerdict.Starts;
    }

    /// <summary>The stop message, the deadline shown in the run's local offset.</summary>
    public static string Reached(DateTimeOffset deadline, TimeProvider time) =>
        "deadline " + Formats.IsoTime.Format(deadline.ToOffset(time.GetLocalNow().Offset)) + " reached";

    /// <summary>
    /// Past the deadline, a resume finishes only what had begun before the kill (an install is
    /// never cut in half): a unit never started, even in a batch that had, is new work, and the
    /// kill may have been hours ago; it is reported not started, as a batch would be.
    /// </summary>
    public static string? PassedForUnitOfResume(RunContext run, RunUnit unit)
    {
        if (!run.Resumed || run.Settings.Deadline is not { } deadline || run.State.Read(s => s.Units[unit.Name].Started))
        {
            return null;
        }

        var now = run.Time.GetUtcNow();
        return Check(deadline, run.Settings.DeadlinePolicy, now, now) == DeadlineVerdict.Passed ? Reached(deadline, run.Time) : null;
    }
}
