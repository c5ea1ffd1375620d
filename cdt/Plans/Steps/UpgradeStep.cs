using Cdt.Execution;
using Cdt.Execution.Steps;
using Cdt.Gaia;
using Cdt.Transport;

namespace Cdt.Plans.Steps;

/// <summary>
/// <c>installer upgrade</c> of a major version, then the reboot. A connection dropped during the
/// upgrade is not a failure by itself: cdt waits for the gateway and the confirm step looks.
/// </summary>
public sealed class UpgradeStep : ITargetStep
{
    public string Name => "upgrade";

    public bool Critical => true;

    public bool RunOnce => false;

    public async Task<StepResult> RunAsync(TargetContext c, CancellationToken ct)
    {
        var name = c.CpuseName ?? c.Run.Package!.Name;
        var started = c.Run.Time.GetUtcNow();
        var result = await c.RunAsync(GaiaCommands.Upgrade(c.Remote, name), c.Run.Settings.InstallTimeout, ct);
        if (result.Answered && !result.Succeeded)
        {
            return StepResult.Failed("installer upgrade: " + ImportPackageStep.ResultLine(result));
        }

        if (!result.Answered && result.Error is not (TransportError.Dropped or TransportError.Timeout))
        {
            return StepResult.Failed(result.Describe());
        }

        var back = await RebootWaiter.WaitUntilBackAsync(c, result.Answered ? c.Run.Time.GetUtcNow() : started, ct);
        return back.Status == StepStatus.Ok ? StepResult.Ok("upgraded, gateway " + back.Message) : back;
    }
}
