namespace Cdt.Execution.Steps;

/// <summary>
/// Asks CPUSE whether the package may be installed; anything but "installation is allowed" fails
/// the target. The package's status comes back in the same round trip, for the install to look at.
/// </summary>
public sealed class VerifyPackageStep : ITargetStep
{
    public string Name => "verify";

    public bool Critical => true;

    public bool RunOnce => false;

    public async Task<StepResult> RunAsync(TargetContext c, CancellationToken ct)
    {
        if (c.AlreadyInstalled)
        {
            return StepResult.Skipped("package already installed");
        }

        var name = c.CpuseName ?? c.Run.Package!.Name;
        var answer = await c.Driver.VerifyWithStatusAsync(c.Remote, name, ct);
        if (!answer.Ok)
        {
            return StepResult.Failed(answer.Error!);
        }

        var verdict = answer.Value.Verdict;
        c.StatusBeforeInstall = answer.Value.Status;
        return verdict.Allowed ? StepResult.Ok(verdict.Text) : StepResult.Failed(verdict.Text);
    }
}
