using System.Globalization;
using Cdt.Execution;
using Cdt.Diagnostics;
using Cdt.Formats;
using Cdt.Yaml;

namespace Cdt.Plans.Steps;

/// <summary>
/// One plan action as a step of the engine: its critical flag, its time-out (per attempt) and its
/// retries around the work <see cref="PlanActionRunners"/> gives it.
/// </summary>
public class PlanActionStep : ITargetStep
{
    private readonly Func<TargetContext, CancellationToken, Task<StepResult>> _work;

    public PlanActionStep(int number, PlanAction action, Func<TargetContext, CancellationToken, Task<StepResult>> work, string? part = null)
    {
        Name = action.ActionName + "#" + number.ToString(CultureInfo.InvariantCulture) + (part is null ? string.Empty : ":" + part);
        Action = action;
        _work = work;
    }

    /// <summary>
    /// The action and its place in the plan, e.g. <c>install_package#3</c> (and its first part,
    /// <c>install_package#3:prepare</c>): unique per target in the journal.
    /// </summary>
    public string Name { get; }

    public PlanAction Action { get; }

    public bool Critical => Action.Critical;

    /// <summary>Actions with effects that must not happen twice are never repeated on resume; package actions look first instead.</summary>
    public bool RunOnce => Action is CreateSnapshotAction or ExecuteCommandAction or ExecuteScriptAction or RebootAction or LogAction or SendEmailAction;

    public bool MayReboot => Action is InstallPackageAction or UpgradePackageAction or UninstallPackageAction or RebootAction or ExecuteScriptAction;

    public async Task<StepResult> RunAsync(TargetContext c, CancellationToken ct)
    {
        var attempts = Action.Retries + 1;
        for (var attempt = 1; ; attempt++)
        {
            var result = await AttemptAsync(c, ct);
            if (result.Status != StepStatus.Failed)
            {
                return attempt == 1 ? result : result with { Message = result.Message + string.Create(CultureInfo.InvariantCulture, $" (attempt {attempt} of {attempts})") };
            }

            if (attempt >= attempts)
            {
                return attempts == 1 ? result : result with { Message = result.Message + string.Create(CultureInfo.InvariantCulture, $" (failed {attempts} attempts)") };
            }

            c.Log(string.Create(CultureInfo.InvariantCulture, $"{Name}: attempt {attempt} of {attempts} failed: {result.Message}; trying again in {DurationText.Format(c.Run.Settings.PollInterval)}"));
            await c.Run.Delay(c.Run.Settings.PollInterval, ct);
        }
    }

    private async Task<StepResult> AttemptAsync(TargetContext c, CancellationToken ct)
    {
        if (Action.EffectiveTimeout <= TimeSpan.Zero)
        {
            return await _work(c, ct);
        }

        using var limit = new CancellationTokenSource(Action.EffectiveTimeout, c.Run.Time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, limit.Token);
        try
        {
            return await _work(c, linked.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return StepResult.Failed("timed out after " + DurationText.Format(Action.EffectiveTimeout));
        }
    }
}
