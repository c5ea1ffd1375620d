namespace Cdt.Execution;

/// <summary>
/// Resume after a kill during a step that may reboot the gateway (an install): the install goes
/// on without cdt and ends in a reboot, so a gateway that does not answer yet is rebooting, not
/// broken. It is waited for (journaled as the step <see cref="StepName"/>), up to the reboot
/// time-out; then the target's steps run from the first, each looking before it acts, so the
/// package status says whether the install completed and nothing is installed twice.
/// </summary>
public static class InterruptedReboot
{
    public const string StepName = "reboot_wait";

    /// <summary>Null when the target may go on (nothing to wait for, or back), else why it failed.</summary>
    public static async Task<string?> WaitAsync(TargetContext c, string? openStep, CancellationToken ct)
    {
        if (!MayHaveRebooted(c.Run, openStep))
        {
            return null;
        }

        var answer = await c.Driver.VersionAsync(c.Remote, ct);
        if (!RebootWaiter.MayBeRebooting(answer))
        {
            return null;
        }

        var recorder = c.Run.Recorder;
        var started = c.Run.Time.GetUtcNow();
        recorder.StepStarted(c.Unit, c.Target, StepName);
        c.Log($"{openStep} was interrupted (cdt stopped during it) and the gateway does not answer ({answer.Error}): waiting for its reboot");
        var back = await RebootWaiter.WaitForUnseenRebootAsync(c, ct);
        var message = back.Status == StepStatus.Ok
            ? $"{openStep} of the interrupted attempt: gateway {back.Message}"
            : $"{openStep} of the interrupted attempt: the gateway did not answer within reboot_timeout ({back.Message})";
        recorder.StepFinished(c.Unit, c.Target, StepName, back.StatusText, message, c.Run.Time.GetUtcNow() - started);
        return back.Status == StepStatus.Ok ? null : StepName + ": " + message;
    }

    /// <summary>Whether the step cut off by a kill may have rebooted the gateway: one that may reboot, or this wait itself cut off by a second kill.</summary>
    public static bool MayHaveRebooted(RunContext run, string? openStep) =>
        openStep is not null && (openStep == StepName || run.Steps.Any(s => s.Name == openStep && s.MayReboot));
}
