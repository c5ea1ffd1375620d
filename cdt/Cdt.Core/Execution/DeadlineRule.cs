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
}
