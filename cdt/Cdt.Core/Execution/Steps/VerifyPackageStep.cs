namespace Cdt.Execution.Steps;

/// <summary>Asks CPUSE whether the package may be installed; anything but "installation is allowed" fails the target.</summary>
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
        var verdict = await c.Driver.VerifyAsync(c.Remote, name, ct);
        if (!verdict.Ok)
        {
            return StepResult.Failed(verdict.Error!);
        }

        return verdict.Value!.Allowed ? StepResult.Ok(verdict.Value.Text) : StepResult.Failed(verdict.Value.Text);
    }
}
