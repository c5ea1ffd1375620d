using Cdt.Gaia;
using Cdt.Transport;

namespace Cdt.Execution;

/// <summary>
/// Waits for a rebooting gateway: first the expected reboot time (polling a rebooting box only
/// burns CPU), then polls with back-off until it answers or the reboot time-out passes. The poll
/// is the version, or a question the caller needs answered anyway once the gateway is back (its
/// first good answer is the caller's, and nothing is asked twice).
/// </summary>
public static class RebootWaiter
{
    public static Task<StepResult> WaitUntilBackAsync(TargetContext c, DateTimeOffset rebootStarted, CancellationToken ct) =>
        WaitUntilBackAsync(c, rebootStarted, c.Driver.VersionAsync, ct);

    /// <summary>Waits with <paramref name="probe"/> as the poll: the gateway is back once it answers it well.</summary>
    public static Task<StepResult> WaitUntilBackAsync<T>(TargetContext c, DateTimeOffset rebootStarted, Func<Target, CancellationToken, Task<GaiaAnswer<T>>> probe, CancellationToken ct)
        where T : class =>
        PollAsync(c, rebootStarted, rebootStarted + c.Run.Settings.ExpectedReboot, probe, ct);

    /// <summary>
    /// A reboot that began at a moment nobody saw (before a kill): polls from now, with the same
    /// back-off, up to the reboot time-out from now; the expected reboot time may be over already.
    /// </summary>
    public static Task<StepResult> WaitForUnseenRebootAsync(TargetContext c, CancellationToken ct)
    {
        var now = c.Run.Time.GetUtcNow();
        return PollAsync(c, now, now, c.Driver.VersionAsync, ct);
    }

    /// <summary>Whether an answer means "not answering yet" (rebooting), rather than a refusal no wait would change.</summary>
    public static bool MayBeRebooting<T>(GaiaAnswer<T> answer)
        where T : class =>
        answer.TransportFailed && answer.Raw?.Error is not (TransportError.HostKeyMismatch or TransportError.AuthenticationFailed or TransportError.UnknownHostKey);

    private static async Task<StepResult> PollAsync<T>(TargetContext c, DateTimeOffset rebootStarted, DateTimeOffset firstPoll, Func<Target, CancellationToken, Task<GaiaAnswer<T>>> probe, CancellationToken ct)
        where T : class
    {
        var s = c.Run.Settings;
        var time = c.Run.Time;
        await c.Run.Delay(firstPoll - time.GetUtcNow(), ct);
        var interval = s.PollInterval;
        var last = string.Empty;
        while (true)
        {
            var answer = await probe(c.Remote, ct);
            if (answer.Ok)
            {
                return StepResult.Ok($"back after {Formats.DurationText.Format(Round(time.GetUtcNow() - rebootStarted))}");
            }

            if (answer.TransportFailed && !MayBeRebooting(answer))
            {
                return StepResult.Failed("after the reboot: " + answer.Error);
            }

            last = answer.Error ?? string.Empty;
            if (time.GetUtcNow() - rebootStarted >= s.RebootTimeout)
            {
                return StepResult.Failed($"not back {Formats.DurationText.Format(s.RebootTimeout)} after the reboot started (last answer: {last})");
            }

            await c.Run.Delay(interval, ct);
            interval = TimeSpan.FromTicks(Math.Min(interval.Ticks * 2, s.PollInterval.Ticks * 4));
        }
    }

    private static TimeSpan Round(TimeSpan t) => TimeSpan.FromSeconds(Math.Round(t.TotalSeconds));
}
