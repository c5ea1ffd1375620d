using Cdt.Gaia;
using Cdt.Transport;

namespace Cdt.Execution.Steps;

/// <summary>
/// What installing and removing a package share: asking its status across a reboot in progress,
/// running the CPUSE command and waiting for the reboot (polled with the confirmation's question),
/// and following an operation that goes on on the gateway after the connection dropped, until its
/// status settles.
/// </summary>
internal static class PackageOperation
{
    /// <summary>
    /// The package's status: as the verify read it just before (taken once), else asked; a gateway
    /// rebooting (from an earlier, interrupted attempt) is waited for first.
    /// </summary>
    public static async Task<(GaiaAnswer<string>? Status, StepResult? Failure)> StatusAsync(TargetContext c, string name, CancellationToken ct)
    {
        var known = c.StatusBeforeInstall;
        c.StatusBeforeInstall = null;
        if (known is { Ok: true })
        {
            return (known, null);
        }

        var status = await c.Driver.PackageStatusAsync(c.Remote, name, ct);
        if (!status.TransportFailed)
        {
            return (status, null);
        }

        var back = await RebootWaiter.WaitUntilBackAsync(c, c.Run.Time.GetUtcNow(), ct);
        return back.Status == StepStatus.Ok ? (await c.Driver.PackageStatusAsync(c.Remote, name, ct), null) : (null, back);
    }

    /// <summary>
    /// Runs <paramref name="command"/> (<c>installer VERB ...</c>) and waits for the reboot; a
    /// dropped or timed-out connection during the <paramref name="noun"/> hands over to <paramref name="follow"/>.
    /// </summary>
    public static async Task<StepResult> RunAsync(TargetContext c, string command, string verb, string noun, string done, Func<string, Task<StepResult>> follow, CancellationToken ct)
    {
        var started = c.Run.Time.GetUtcNow();
        var result = await c.RunAsync(command, c.Run.Settings.InstallTimeout, ct);
        if (result.Succeeded)
        {
            var back = await RebootWaiter.WaitUntilBackAsync(c, c.Run.Time.GetUtcNow(), (t, token) => AfterRebootAsync(c, t, token), ct);
            return back.Status == StepStatus.Ok
                ? StepResult.Ok($"{done} in {Formats.DurationText.Format(Round(c.Run.Time.GetUtcNow() - started))}, gateway {back.Message}")
                : back;
        }

        if (result.Answered)
        {
            return StepResult.Failed($"installer {verb}: " + ImportPackageStep.ResultLine(result));
        }

        return result.Error is TransportError.Dropped or TransportError.Timeout
            ? await follow($"the connection {CommandResult.ErrorText(result.Error)} during the {noun}")
            : StepResult.Failed(result.Describe());
    }

    /// <summary>
    /// An operation runs on the gateway without us watching: poll its status (waiting out the
    /// reboot) while it starts with <paramref name="running"/>, within the install time-out; then
    /// <paramref name="settled"/> says what the status it settled on means.
    /// </summary>
    public static async Task<StepResult> FollowAsync(TargetContext c, string name, string why, string noun, string running, string doing, Func<GaiaAnswer<string>, StepResult> settled, CancellationToken ct)
    {
        var s = c.Run.Settings;
        var since = c.Run.Time.GetUtcNow();
        c.Log($"{why}: following the {noun}");
        while (true)
        {
            var status = await c.Driver.PackageStatusAsync(c.Remote, name, ct);
            if (status.TransportFailed)
            {
                var back = await RebootWaiter.WaitUntilBackAsync(c, c.Run.Time.GetUtcNow(), ct);
                if (back.Status != StepStatus.Ok)
                {
                    return StepResult.Failed(why + "; then " + back.Message);
                }

                status = await c.Driver.PackageStatusAsync(c.Remote, name, ct);
            }

            if (!Is(status.Value, running))
            {
                return settled(status);
            }

            if (c.Run.Time.GetUtcNow() - since > s.InstallTimeout)
            {
                return StepResult.Failed($"{why}; still {doing} after {Formats.DurationText.Format(s.InstallTimeout)}");
            }

            await c.Run.Delay(s.PollInterval, ct);
        }
    }

    /// <summary>
    /// The poll while the gateway reboots: the version and the installed packages, which is what
    /// the confirmation needs. The first good answer is kept for it, so it asks nothing again.
    /// </summary>
    private static async Task<GaiaAnswer<GatewaySurvey>> AfterRebootAsync(TargetContext c, Target t, CancellationToken ct)
    {
        var answer = await c.Driver.SurveyAsync(t, imported: false, uploadPath: null, ct);
        c.AfterReboot = answer.Ok ? answer.Value : null;
        return answer;
    }

    /// <summary>Whether a CPUSE status (<c>Installed</c>, <c>Installing</c>, <c>Uninstalling</c>...) starts with <paramref name="word"/>.</summary>
    public static bool Is(string? status, string word) => status is not null && status.StartsWith(word, StringComparison.OrdinalIgnoreCase);

    private static TimeSpan Round(TimeSpan t) => TimeSpan.FromSeconds(Math.Round(t.TotalSeconds));
}
